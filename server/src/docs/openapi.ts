import { errorBodySchema } from '@shared/errors';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import type { RouteDefinition } from '../http/api-routes';

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
};

/** `/products/:idOrSlug` → `/api/products/{idOrSlug}` */
function openApiPath(expressPath: string): string {
  return `/api${expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

function toOperation(route: RouteDefinition): ZodOpenApiOperationObject {
  const errorResponses = Object.fromEntries(
    [...new Set([400, ...(route.auth ? (route.auth.optional ? [401] : [401, 403]) : []), ...(route.errors ?? []), 500])].map((status) => [
      String(status),
      { description: statusDescriptions[status] ?? 'Error', content: { 'application/json': { schema: errorBodySchema } } },
    ]),
  );
  const success = route.response.schema
    ? { content: { [route.response.contentType ?? 'application/json']: { schema: route.response.schema } } }
    : {};
  return {
    tags: [route.tag],
    summary: route.summary,
    ...(route.auth ? { security: route.auth.optional ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }] } : {}),
    ...(route.description ? { description: route.description } : {}),
    requestParams: {
      ...(route.query ? { query: route.query } : {}),
      ...(route.params ? { path: route.params } : {}),
      ...(route.headers ? { header: route.headers } : {}),
    },
    ...(route.body ? { requestBody: { content: { 'application/json': { schema: route.body } } } } : {}),
    responses: {
      [String(route.response.status)]: { description: route.response.description, ...success },
      ...errorResponses,
    },
  };
}

/** The OpenAPI 3.1 document, generated from the same route definitions that validate requests. */
export function buildOpenApiDocument(routes: readonly RouteDefinition[], info: { version: string; serverUrl: string }) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: toOperation(route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'MEAN Shop API',
      version: info.version,
      description:
        'REST API of MEAN Shop. Money is always an integer amount of minor units with an ISO currency code. ' +
        'Errors always have the shape `{ "error": { "code", "message", "details"? } }`.',
    },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The `accessToken` from sign-in or refresh' },
      },
    },
  });
}
