import type { PaymentProviderName } from '@shared/orders/order';
import { errorBodySchema } from '@shared/errors';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiRequestBodyObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import type { z } from 'zod';
import { refreshCookieName } from '../accounts/sessions.service';
import { guestCartCookie, guestCartLifetimeDays } from '../cart/cart-owner';
import type { RouteDefinition } from '../http/api-routes';
import { testSignatureHeader } from '../payments/test-provider';

/** express.json's `limit` in app.ts, and the raw reader's in api-routes.ts (a spec pins it). */
export const jsonBodyLimitKilobytes = 100;

const statusDescriptions: Record<number, string> = {
  400: 'Invalid input; `details` names each field',
  401: 'Not signed in, or the token is invalid',
  403: 'Signed in without the needed role',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable',
  429: 'Too many requests',
  500: 'Unexpected server error',
  503: 'Service unavailable; try again later',
};

type SecurityRequirement = Record<string, string[]>;

/** A signed webhook: one operation per provider, each with the header its signature travels in. */
interface SignedWebhook {
  /** The path parameter that names the provider. */
  param: string;
  signatureHeaders: Record<string, string>;
}

/**
 * What a route definition does not say but a client must know, keyed by `METHOD /path` as the
 * route declares it (a spec checks that each key names a route). Everything else is derived.
 */
interface OperationSupplement {
  /** For a public route that still needs a credential: the refresh-token cookie. */
  security?: SecurityRequirement[];
  /** A body the route's middleware reads instead of a zod schema (an upload). */
  requestBody?: ZodOpenApiRequestBodyObject;
  /** What the success response does to the refresh-token cookie. */
  refreshCookie?: 'sets' | 'clears';
  /**
   * A cart route: a guest's cart is named by its cookie, which `sets` routes give a guest on the
   * first item; on any of them, a signed-in request that still carries it merges that cart and clears it.
   */
  guestCart?: 'reads' | 'sets';
  signedWebhook?: SignedWebhook;
}

const refreshCookieAttributes = 'HttpOnly; SameSite=Strict; Path=/api/auth; Secure when the shop is served over https';
const guestCartCookieAttributes = `HttpOnly; SameSite=Lax; Path=/api; Max-Age ${guestCartLifetimeDays} days; Secure when the shop is served over https`;

/** The providers' signature headers; a new provider fails to compile until it has one. */
export const webhookSignatureHeaders: Record<PaymentProviderName, string> = {
  stripe: 'Stripe-Signature',
  test: testSignatureHeader,
};

export const operationSupplements: Record<string, OperationSupplement> = {
  'POST /auth/register': { refreshCookie: 'sets' },
  'POST /auth/login': { refreshCookie: 'sets' },
  'POST /auth/refresh': { security: [{ refreshCookie: [] }], refreshCookie: 'sets' },
  // Without a cookie there is no session to end, and the answer is the same 204.
  'POST /auth/logout': { security: [{}, { refreshCookie: [] }], refreshCookie: 'clears' },
  'GET /auth/oidc/:provider/callback': { refreshCookie: 'sets' },
  'POST /media': {
    requestBody: {
      required: true,
      description: 'One image in the form field `file`; the description above gives the size limit.',
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: { file: { type: 'string', format: 'binary', description: 'JPEG, PNG, WebP, AVIF, GIF or HEIF; the type is judged from the bytes' } },
          },
          encoding: { file: { contentType: 'image/jpeg, image/png, image/webp, image/avif, image/gif, image/heif' } },
        },
      },
    },
  },
  'POST /payments/webhook/:provider': { signedWebhook: { param: 'provider', signatureHeaders: webhookSignatureHeaders } },
  'GET /cart': { guestCart: 'reads' },
  'POST /cart/items': { guestCart: 'sets' },
  'PATCH /cart/items/:productId': { guestCart: 'sets' },
  'DELETE /cart/items/:productId': { guestCart: 'reads' },
  'POST /orders': { guestCart: 'reads' },
};

export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method.toUpperCase()} ${route.path}`;
}

/** `/products/:idOrSlug` → `/api/products/{idOrSlug}` */
function openApiPath(expressPath: string): string {
  return `/api${expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A stable, unique id from the method and the path below /api: `GET /admin/products/:productId`
 * → `getAdminProductsByProductId`, `GET /admin/orders/export.csv` → `getAdminOrdersExportCsv`.
 * Routes differ in method or path, and so do their ids (a spec checks that no two collide).
 */
export function operationIdFor(method: string, expressPath: string): string {
  const words = expressPath
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => (segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return method.toLowerCase() + words.map(capitalised).join('');
}

/** A `z.strictObject` refuses keys it does not define: for a query, an unknown parameter is 400. */
function refusesUnknownKeys(schema: z.ZodObject): boolean {
  const catchall = (schema.def as { catchall?: { def?: { type?: string } } }).catchall;
  return catchall?.def?.type === 'never';
}

function errorResponse(description: string): ZodOpenApiResponseObject {
  return { description, content: { 'application/json': { schema: errorBodySchema } } };
}

function securityOf(route: RouteDefinition, supplement: OperationSupplement): SecurityRequirement[] {
  if (route.auth?.optional) return [{}, { bearerAuth: [] }, ...(supplement.guestCart ? [{ guestCart: [] }] : [])];
  // A session's access token or, where the route takes one, a Seller API key.
  if (route.auth?.apiKeyScope) return [{ bearerAuth: [] }, { sellerApiKey: [] }];
  if (route.auth) return [{ bearerAuth: [] }];
  return supplement.security ?? [];
}

function errorResponsesOf(route: RouteDefinition, supplement: OperationSupplement): Record<string, ZodOpenApiResponseObject> {
  const hasJsonBody = route.body !== undefined || route.rawBody === true;
  const statuses = [
    400,
    ...(route.auth ? (route.auth.optional ? [401] : [401, 403]) : []),
    ...(hasJsonBody ? [413] : []),
    ...(route.errors ?? []),
    500,
  ];
  const descriptions = { ...statusDescriptions };
  if (route.query && refusesUnknownKeys(route.query)) {
    descriptions[400] = 'Invalid input, or a query parameter this operation does not define; `details` names each field';
  }
  if (supplement.signedWebhook) descriptions[400] = 'A missing, bad or stale signature, or an event that cannot be read';
  if (hasJsonBody) descriptions[413] = `Payload too large: the body may be at most ${jsonBodyLimitKilobytes} kB`;
  return Object.fromEntries([...new Set(statuses)].sort((a, b) => a - b).map((status) => [String(status), errorResponse(descriptions[status] ?? 'Error')]));
}

function successResponseOf(route: RouteDefinition, supplement: OperationSupplement): ZodOpenApiResponseObject {
  const { status, description, schema, contentType } = route.response;
  const headers: NonNullable<ZodOpenApiResponseObject['headers']> = {};
  if (status >= 300 && status < 400) {
    headers['Location'] = { description: 'Where the browser goes next', required: true, schema: { type: 'string' } };
  }
  if (supplement.refreshCookie) {
    headers['Set-Cookie'] = {
      description:
        supplement.refreshCookie === 'sets'
          ? `\`${refreshCookieName}=<refresh token>; ${refreshCookieAttributes}\`: the refresh-token cookie, new on every use`
          : `Clears the \`${refreshCookieName}\` refresh-token cookie`,
      schema: { type: 'string' },
    };
  }
  if (supplement.guestCart) {
    headers['Set-Cookie'] = {
      description:
        (supplement.guestCart === 'sets' ? `\`${guestCartCookie}=<token>; ${guestCartCookieAttributes}\`: a guest's first item starts a cart, named by this cookie. ` : '') +
        `A signed-in request that still carries \`${guestCartCookie}\` merges that guest cart into the user's and clears the cookie.`,
      schema: { type: 'string' },
    };
  }
  return {
    description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(schema ? { content: { [contentType ?? 'application/json']: { schema } } } : {}),
  };
}

function requestBodyOf(route: RouteDefinition, supplement: OperationSupplement): ZodOpenApiRequestBodyObject | undefined {
  if (supplement.requestBody) return supplement.requestBody;
  if (route.rawBody) {
    return {
      required: true,
      description: "The provider's event exactly as it sends it; the signature covers these bytes.",
      content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
    };
  }
  return route.body ? { required: true, content: { 'application/json': { schema: route.body } } } : undefined;
}

function toOperation(
  route: RouteDefinition,
  supplement: OperationSupplement,
  variant?: { path: string; params: z.ZodObject | undefined; signatureHeader: string },
): ZodOpenApiOperationObject {
  const params = variant ? variant.params : route.params;
  const requestBody = requestBodyOf(route, supplement);
  return {
    operationId: operationIdFor(route.method, variant?.path ?? route.path),
    tags: [route.tag],
    summary: route.summary,
    security: securityOf(route, supplement),
    ...(route.description ? { description: route.description } : {}),
    requestParams: {
      ...(route.query ? { query: route.query } : {}),
      ...(params && Object.keys(params.shape).length > 0 ? { path: params } : {}),
      ...(route.headers ? { header: route.headers } : {}),
    },
    ...(variant
      ? {
          parameters: [
            {
              name: variant.signatureHeader,
              in: 'header' as const,
              required: true,
              description: 'The signature over the exact body, with its timestamp',
              schema: { type: 'string' as const },
            },
          ],
        }
      : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [String(route.response.status)]: successResponseOf(route, supplement),
      ...errorResponsesOf(route, supplement),
    },
  };
}

/** A route's operations: one, or one per provider for a signed webhook. */
function operationsOf(route: RouteDefinition): Array<{ path: string; operation: ZodOpenApiOperationObject }> {
  const supplement = operationSupplements[routeKey(route)] ?? {};
  const webhook = supplement.signedWebhook;
  if (!webhook) return [{ path: route.path, operation: toOperation(route, supplement) }];
  return Object.entries(webhook.signatureHeaders).map(([provider, signatureHeader]) => {
    const path = route.path.replace(`:${webhook.param}`, provider);
    const params = route.params?.omit({ [webhook.param]: true } as Record<string, true>);
    return { path, operation: toOperation(route, supplement, { path, params, signatureHeader }) };
  });
}

export type OpenApiDocument = ReturnType<typeof createDocument>;

/** The OpenAPI 3.1 document, generated from the same route definitions that validate requests. */
export function buildOpenApiDocument(routes: readonly RouteDefinition[], info: { version: string; serverUrl: string }): OpenApiDocument {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    for (const { path: expressPath, operation } of operationsOf(route)) {
      const path = openApiPath(expressPath);
      paths[path] = { ...paths[path], [route.method]: operation };
    }
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'MEAN Shop API',
      version: info.version,
      description:
        'REST API of MEAN Shop. Money is always an integer amount of minor units with an ISO currency code. ' +
        'Errors always have the shape `{ "error": { "code", "message", "details"? } }`. ' +
        `JSON bodies may be at most ${jsonBodyLimitKilobytes} kB (larger is 413), and a query parameter an operation does not define is 400. ` +
        '`required` is exact in both directions: a field with a `default` may be left out of a request and is always present in a response, ' +
        'so a type generator should not infer presence from `default` (openapi-typescript: `--default-non-nullable false`).',
    },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The `accessToken` from sign-in or refresh' },
        sellerApiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'msk_…', description: 'A Seller API key, shown once by `POST /api/seller/keys`' },
        guestCart: {
          type: 'apiKey',
          in: 'cookie',
          name: guestCartCookie,
          description:
            `A guest's cart, in an httpOnly cookie holding a random token that the shop stores only as a hash (${guestCartCookieAttributes}). ` +
            'Adding the first item sets it; browsers send it by themselves. Signing in merges the guest cart into the user\'s.',
        },
        refreshCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: refreshCookieName,
          description:
            `The refresh token, in an httpOnly cookie (${refreshCookieAttributes}). Sign-up, sign-in, social login and ` +
            'refresh set it; sign-out clears it. Browsers send it by themselves; it is only ever read by `/api/auth`.',
        },
      },
    },
  });
}
