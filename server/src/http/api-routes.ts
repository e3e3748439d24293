import type { UserRole } from '@shared/accounts/accounts';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { type z, type ZodType } from 'zod';
import type { AuthenticatedUser, Authenticator } from '../accounts/authenticator';
import { AppError } from './app-error';
import { zodIssuesToDetails } from './error-handler';

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type ObjectSchema = z.ZodObject;

/** Who may call a route: any signed-in user, or only the roles listed. */
export interface RouteAuth {
  roles?: readonly UserRole[];
}

export interface RouteInput<Query, Params, Body, User> {
  query: Query;
  params: Params;
  body: Body;
  user: User;
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
  /**
   * Returns the JSON body to send with `response.status`. A handler that writes the response
   * itself (a stream, a redirect) returns undefined after doing so.
   */
  handler: (
    input: RouteInput<z.output<QuerySchema>, z.output<ParamsSchema>, z.output<BodySchema>, Auth extends RouteAuth ? AuthenticatedUser : undefined>,
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

/** The API's routes, kept as definitions so the OpenAPI document is generated from the same list. */
export class ApiRoutes {
  readonly router = Router();
  private readonly definitions: RouteDefinition[] = [];

  constructor(private readonly options: { checkResponses: boolean; authenticator: Authenticator }) {}

  get operations(): readonly RouteDefinition[] {
    return this.definitions;
  }

  add<Q extends ObjectSchema, P extends ObjectSchema, B extends ZodType, R extends ZodType, A extends RouteAuth | undefined = undefined>(
    definition: RouteDefinition<Q, P, B, R, A>,
  ): void {
    this.definitions.push(definition as unknown as RouteDefinition);
    const authenticate: RequestHandler = async (req, _res, next) => {
      if (definition.auth) await this.options.authenticator.requireRole(req, definition.auth.roles);
      next();
    };
    this.router[definition.method](definition.path, authenticate, ...(definition.middleware ?? []), async (req: Request, res: Response) => {
      const user = req.user;
      // Express 5's req.query is a getter, so validated input travels as the handler's argument.
      const input = {
        query: parseOrThrow(definition.query, req.query, 'query'),
        params: parseOrThrow(definition.params, req.params, 'params'),
        body: parseOrThrow(definition.body, req.body, 'body'),
        user,
      } as RouteInput<z.output<Q>, z.output<P>, z.output<B>, A extends RouteAuth ? AuthenticatedUser : undefined>;
      const result = await definition.handler(input, req, res);
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
