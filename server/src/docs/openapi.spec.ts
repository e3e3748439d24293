import { useTestShop } from '../../test/test-shop';

interface OpenApiParameter {
  name: string;
  in: string;
  schema: { type?: string; enum?: string[]; maximum?: number };
}

describe('OpenAPI document', () => {
  const shop = useTestShop();

  it('is OpenAPI 3.1 and documents GET /api/products with its query schema', async () => {
    const response = await shop.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: OpenApiParameter[]; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
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

  it('is browsable at /api/docs', async () => {
    const response = await shop.request('/api/docs/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('swagger-ui');
  });
});
