import { paymentProviders } from '@shared/orders/order';
import { signUp } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { useTestShop } from '../../test/test-shop';
import { jsonBodyLimitKilobytes, operationSupplements, webhookSignatureHeaders } from './openapi';
import { buildShopOpenApiDocument } from './shop-document';

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema: { type?: string; enum?: string[]; maximum?: number };
}

interface OpenApiOperation {
  operationId: string;
  security?: Array<Record<string, string[]>>;
  parameters: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> };
  responses: Record<string, { description: string; headers?: Record<string, { description: string }>; content?: Record<string, { schema: unknown }> }>;
}

interface OpenApiDocumentShape {
  openapi: string;
  servers: unknown;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
}

const errorSchema = { $ref: '#/components/schemas/Error' };

describe('OpenAPI document', () => {
  const shop = useTestShop();
  let document: OpenApiDocumentShape;
  let operations: Array<{ key: string; operation: OpenApiOperation }>;

  beforeAll(async () => {
    const response = await shop.request('/api/openapi.json');
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocumentShape;
    operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })));
  });

  it('is OpenAPI 3.1 and documents GET /api/products with its query schema', () => {
    expect(document.openapi).toBe('3.1.0');
    const listProducts = document.paths['/api/products']!['get']!;
    const parameters = new Map(listProducts.parameters.map((parameter) => [parameter.name, parameter]));
    expect([...parameters.keys()].sort()).toEqual(['category', 'inStock', 'limit', 'maxPrice', 'minPrice', 'page', 'q', 'seller', 'sort']);
    expect(parameters.get('limit')!.in).toBe('query');
    expect(parameters.get('limit')!.schema.maximum).toBe(100);
    expect(parameters.get('sort')!.schema.enum).toEqual(['relevance', 'price_asc', 'price_desc', 'newest', 'bestselling']);
    expect(Object.keys(listProducts.responses)).toEqual(jasmine.arrayContaining(['200', '400', '500']));
    expect(document.paths['/api/products/{idOrSlug}']).toBeDefined();
    expect(document.components.schemas['Product']).toBeDefined();
    expect(document.components.schemas['Error']).toBeDefined();
  });

  it('gives every operation a unique operationId made from its method and path', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^(get|post|put|patch|delete)[A-Z][A-Za-z0-9]*$/);
    expect(document.paths['/api/admin/products/{productId}']!['get']!.operationId).toBe('getAdminProductsByProductId');
    expect(document.paths['/api/admin/orders/export.csv']!['get']!.operationId).toBe('getAdminOrdersExportCsv');
  });

  it('declares the security of every operation: none, optional bearer (or the guest cart cookie), bearer, or the refresh cookie', () => {
    const withoutSecurity = operations.filter(({ operation }) => !Array.isArray(operation.security)).map(({ key }) => key);
    expect(withoutSecurity).toEqual([]);
    expect(document.paths['/api/products']!['get']!.security).toEqual([]);
    expect(document.paths['/api/cart']!['get']!.security).toEqual([{}, { bearerAuth: [] }, { guestCart: [] }]);
    expect(document.paths['/api/orders']!['post']!.security).toEqual([{}, { bearerAuth: [] }, { guestCart: [] }]);
    expect(document.paths['/api/checkout/options']!['get']!.security).withContext('no cart').not.toContain({ guestCart: [] });
    expect(document.paths['/api/admin/products']!['post']!.security).toEqual([{ bearerAuth: [] }]);
    expect(document.paths['/api/auth/refresh']!['post']!.security).toEqual([{ refreshCookie: [] }]);
    expect(document.paths['/api/auth/logout']!['post']!.security).toEqual([{}, { refreshCookie: [] }]);
    expect(document.components.securitySchemes['bearerAuth']).toEqual(jasmine.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(document.components.securitySchemes['refreshCookie']).toEqual(jasmine.objectContaining({ type: 'apiKey', in: 'cookie' }));
  });

  it('names the refresh cookie that signing up really sets', async () => {
    const session = await signUp(shop);
    expect(session.cookie.split('=')[0]).toBe(document.components.securitySchemes['refreshCookie']!.name!);
  });

  it('names the guest cart cookie that a guest\'s first item really sets, and says so on the routes that set it', async () => {
    const product = await createProduct(shop, { category: await createCategory(shop, 'Cookie lamps') });
    const added = await shop.request('/api/cart/items', { method: 'POST', json: { productId: product._id.toString(), quantity: 1 } });
    expect(added.status).toBe(200);
    const name = document.components.securitySchemes['guestCart']!.name!;
    expect(added.headers.getSetCookie().map((cookie) => cookie.split('=')[0])).toContain(name);
    expect(document.components.securitySchemes['guestCart']).toEqual(jasmine.objectContaining({ type: 'apiKey', in: 'cookie' }));
    expect(document.paths['/api/cart/items']!['post']!.responses['200']!.headers!['Set-Cookie']!.description).toContain(`${name}=<token>`);
  });

  it('marks every request body required, and documents the upload as multipart with its file field', () => {
    const withBody = operations.filter(({ operation }) => operation.requestBody);
    expect(withBody.length).toBeGreaterThan(20);
    expect(withBody.filter(({ operation }) => operation.requestBody!.required !== true).map(({ key }) => key)).toEqual([]);
    const upload = document.paths['/api/media']!['post']!.requestBody!.content['multipart/form-data']!.schema;
    expect(upload.required).toEqual(['file']);
    expect(upload.properties!['file']).toEqual(jasmine.objectContaining({ type: 'string', format: 'binary' }));
  });

  it('documents the 413 of every JSON body, at the limit the shop enforces', async () => {
    const jsonBodies = operations.filter(({ operation }) => operation.requestBody?.content['application/json']);
    const without413 = jsonBodies.filter(({ operation }) => (operation.responses['413']?.content?.['application/json']?.schema as unknown) === undefined);
    expect(without413.map(({ key }) => key)).toEqual([]);
    expect(document.paths['/api/auth/login']!['post']!.responses['413']!.content!['application/json']!.schema).toEqual(errorSchema);

    const bodyOfBytes = (bytes: number) => {
      const frame = JSON.stringify({ token: '' });
      return JSON.stringify({ token: 'x'.repeat(bytes - frame.length) });
    };
    const send = (body: string) =>
      shop.request('/api/account/email/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const atLimit = await send(bodyOfBytes(jsonBodyLimitKilobytes * 1024));
    expect(atLimit.status).toBe(400);
    const overLimit = await send(bodyOfBytes(jsonBodyLimitKilobytes * 1024 + 1));
    expect(overLimit.status).toBe(413);
    expect(((await overLimit.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('documents the 400 for a query parameter an operation does not define, as the shop answers it', async () => {
    const response = await shop.request('/api/products?colour=red');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    const listProducts = document.paths['/api/products']!['get']!.responses['400']!;
    expect(listProducts.description).toContain('query parameter this operation does not define');
    expect(listProducts.content!['application/json']!.schema).toEqual(errorSchema);
  });

  it("documents each payment provider's webhook with its signature header, required", () => {
    expect(document.paths['/api/payments/webhook/{provider}']).toBeUndefined();
    for (const provider of paymentProviders) {
      const webhook = document.paths[`/api/payments/webhook/${provider}`]!['post']!;
      expect(webhook.security).toEqual([]);
      expect(webhook.parameters).toContain(jasmine.objectContaining({ name: webhookSignatureHeaders[provider], in: 'header', required: true }));
      expect(webhook.requestBody!.required).toBeTrue();
    }
  });

  it('supplements only operations that exist', () => {
    for (const key of Object.keys(operationSupplements)) {
      const [method, expressPath] = key.split(' ') as [string, string];
      const path = `/api${expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
      const paths = operationSupplements[key]!.signedWebhook
        ? Object.keys(operationSupplements[key]!.signedWebhook!.signatureHeaders).map((value) => path.replace(/\{[^}]+\}/, value))
        : [path];
      for (const each of paths) expect(document.paths[each]?.[method.toLowerCase()]).withContext(`${key} → ${each}`).toBeDefined();
    }
  });

  it('is the document that `npm test` lints: the one built without a database', async () => {
    const exported = (await buildShopOpenApiDocument({ production: false })) as unknown as OpenApiDocumentShape;
    expect({ ...exported, servers: undefined }).toEqual({ ...document, servers: undefined });
  });

  it('is browsable at /api/docs', async () => {
    const response = await shop.request('/api/docs/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('swagger-ui');
  });
});
