import type { UserRole } from '@shared/accounts/accounts';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { type z, type ZodType } from 'zod';
import type { AuditTargetType } from '@shared/admin/audit';
import type { SellerApiScope } from '@shared/sellers/seller-api';
import type { AuthenticatedUser, Authenticator } from '../accounts/authenticator';
import type { AuditLog } from '../audit/audit-log';
import { AppError } from './app-error';
import { zodIssuesToDetails } from './error-handler';
import { noteRoutePattern } from './route-pattern';

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type ObjectSchema = z.ZodObject;

/**
 * Who may call a route: any signed-in user, or only the roles listed. `optional` routes serve
 * guests too (the cart, checkout): a valid bearer token makes `input.user`, a bad one is still 401.
 */
export interface RouteAuth {
  roles?: readonly UserRole[];
  optional?: boolean;
  /** A Seller API key with this scope serves too, in place of a session (the `/seller/*` routes). */
  apiKeyScope?: SellerApiScope;
}

/** Turns an API key into its owner, for routes with `auth.apiKeyScope`. */
export interface ApiKeyAuthenticator {
  /** The request carries a key, not a session token. */
  matches(req: Request): boolean;
  authenticate(req: Request, scope: SellerApiScope): Promise<AuthenticatedUser>;
}

type UserFor<Auth> = Auth extends { optional: true } ? AuthenticatedUser | undefined : Auth extends RouteAuth ? AuthenticatedUser : undefined;

export interface RouteInput<Query, Params, Body, Headers, User> {
  query: Query;
  params: Params;
  body: Body;
  headers: Headers;
  user: User;
  /** The exact bytes of the body, for routes with `rawBody` (a webhook's signature covers them). */
  rawBody: Buffer | undefined;
}

/** Where express.json leaves the bytes it parsed, for the routes that verify a signature over them. */
const rawBodyKey = Symbol('rawBody');
type RequestWithRawBody = Request & { [rawBodyKey]?: Buffer };

/** `express.json`'s `verify` option: keeps the parsed bytes on the request (they exist anyway). */
export function keepRawBody(req: unknown, _res: unknown, buffer: Buffer): void {
  (req as RequestWithRawBody)[rawBodyKey] = buffer;
}

/** For bodies that are not JSON (express.json left them unread): read them as bytes, up to the JSON limit. */
const readRawBody = express.raw({ type: () => true, limit: '100kb' });

/**
 * An admin action the audit log records once it succeeded: who (the signed-in user), what, when,
 * and the target before and after.
 */
export interface RouteAudit<Input, Result> {
  /** `target.verb`, e.g. `product.updated`. */
  action: string;
  targetType: AuditTargetType;
  /** The target's id; by default the route's first path parameter. */
  targetId?: (input: Input, result: Result | undefined) => string | null;
  /** What the target was before, read just before the handler runs. */
  before?: (input: Input) => Promise<unknown>;
  /** What is recorded as after; by default the response body. */
  after?: (result: Result | undefined, input: Input) => unknown;
}

/**
 * One API operation: its schemas validate the request before the handler runs and also describe
 * the operation in the OpenAPI document, so what is documented is what is enforced.
 */
export interface RouteDefinition<
  QuerySchema extends ObjectSchema = ObjectSchema,
  ParamsSchema extends ObjectSchema = ObjectSchema,
  BodySchema extends ZodType = ZodType,
  ResponseSchema extends ZodType = ZodType,
  Auth extends RouteAuth | undefined = RouteAuth | undefined,
  HeadersSchema extends ObjectSchema = ObjectSchema,
> {
  method: HttpMethod;
  /** Express-style path below /api, e.g. `/products/:idOrSlug`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query?: QuerySchema;
  params?: ParamsSchema;
  body?: BodySchema;
  /** Request headers the operation reads, by lower-case name (e.g. `idempotency-key`). */
  headers?: HeadersSchema;
  /**
   * The handler verifies the body itself, from `input.rawBody`, before trusting it: `body` is then
   * not validated up front (a forged webhook must be refused by its signature, whatever it says).
   */
  rawBody?: true;
  response: { status: number; description: string; schema?: ResponseSchema; contentType?: string };
  /** Error statuses this operation may answer besides 400 and 500 (and 401/403 with `auth`). */
  errors?: number[];
  /** Requires a bearer token; the user arrives as `input.user`. */
  auth?: Auth;
  /**
   * Runs after authentication and before validation: rate limits, or an upload parser — which
   * must not read a file for a caller who may not upload.
   */
  middleware?: RequestHandler[];
  /** Recorded in the audit log when the handler succeeds (admin actions). */
  audit?: RouteAudit<RouteInput<z.output<QuerySchema>, z.output<ParamsSchema>, z.output<BodySchema>, z.output<HeadersSchema>, UserFor<Auth>>, z.input<ResponseSchema>>;
  /**
   * Returns the JSON body to send with `response.status`. A handler that writes the response
   * itself (a stream, a redirect) returns undefined after doing so.
   */
  handler: (
    input: RouteInput<z.output<QuerySchema>, z.output<ParamsSchema>, z.output<BodySchema>, z.output<HeadersSchema>, UserFor<Auth>>,
    req: Request,
    res: Response,
  ) => Promise<z.input<ResponseSchema> | undefined> | z.input<ResponseSchema> | undefined;
}

function parseOrThrow<T extends ZodType>(schema: T | undefined, value: unknown, location: string): unknown {
  if (!schema) return value;
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new AppError(400, 'validation_failed', `Invalid ${location}`, zodIssuesToDetails(result.error, location));
  }
  return result.data;
}

function firstParam(params: unknown): string | null {
  const [value] = Object.values((params ?? {}) as Record<string, unknown>);
  return typeof value === 'string' ? value : null;
}

/** The API's routes, kept as definitions so the OpenAPI document is generated from the same list. */
export class ApiRoutes {
  readonly router = Router();
  private readonly definitions: RouteDefinition[] = [];

  constructor(private readonly options: { checkResponses: boolean; authenticator: Authenticator; auditLog: AuditLog; apiKeys?: ApiKeyAuthenticator }) {}

  get operations(): readonly RouteDefinition[] {
    return this.definitions;
  }

  add<Q extends ObjectSchema, P extends ObjectSchema, B extends ZodType, R extends ZodType, A extends RouteAuth | undefined = undefined, H extends ObjectSchema = ObjectSchema>(
    definition: RouteDefinition<Q, P, B, R, A, H>,
  ): void {
    this.definitions.push(definition as unknown as RouteDefinition);
    const audit = definition.audit;
    if (audit) {
      if (!definition.auth) throw new Error(`${definition.method} ${definition.path}: an audited route must have a signed-in user`);
      this.options.auditLog.declare(audit.action);
    }
    const authenticate: RequestHandler = async (req, _res, next) => {
      const auth = definition.auth;
      if (auth?.optional) {
        if (req.get('authorization') !== undefined) req.user = await this.options.authenticator.fromRequest(req);
      } else if (auth?.apiKeyScope && this.options.apiKeys?.matches(req)) {
        req.user = await this.options.apiKeys.authenticate(req, auth.apiKeyScope);
      } else if (auth) {
        await this.options.authenticator.requireRole(req, auth.roles);
      }
      next();
    };
    const bodyReaders = definition.rawBody ? [readRawBody] : [];
    this.router[definition.method](definition.path, noteRoutePattern, authenticate, ...bodyReaders, ...(definition.middleware ?? []), async (req: Request, res: Response) => {
      const user = req.user;
      const rawBody = definition.rawBody ? ((req as RequestWithRawBody)[rawBodyKey] ?? (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0))) : undefined;
      // Express 5's req.query is a getter, so validated input travels as the handler's argument.
      const input = {
        query: parseOrThrow(definition.query, req.query, 'query'),
        params: parseOrThrow(definition.params, req.params, 'params'),
        body: definition.rawBody ? undefined : parseOrThrow(definition.body, req.body, 'body'),
        headers: parseOrThrow(definition.headers, req.headers, 'headers'),
        user,
        rawBody,
      } as RouteInput<z.output<Q>, z.output<P>, z.output<B>, z.output<H>, UserFor<A>>;
      const before = audit?.before ? await audit.before(input) : null;
      const result = await definition.handler(input, req, res);
      if (audit) {
        await this.options.auditLog.record({
          actor: req.user!,
          action: audit.action,
          targetType: audit.targetType,
          targetId: audit.targetId ? audit.targetId(input, result) : firstParam(input.params),
          before,
          after: audit.after ? audit.after(result, input) : result,
        });
      }
      if (res.headersSent) return;
      if (this.options.checkResponses && definition.response.schema) {
        // In tests a response that drifts from its documented schema fails loudly.
        definition.response.schema.parse(result);
      }
      if (result === undefined) res.status(definition.response.status).end();
      else res.status(definition.response.status).json(result);
    });
  }
}
