import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { buildShopOpenApiDocument } from './shop-document';

/** What a third party builds on the document: types from openapi-typescript, then its code against them. */
const goodClient = `
import type { components, operations, paths } from './api';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type ProductList = paths['/api/products']['get']['responses'][200]['content']['application/json'];
export const priceIsANumber: Equals<ProductList['items'][0]['price']['amount'], number> = true;

type NewProduct = paths['/api/admin/products']['post']['requestBody']['content']['application/json'];
export const bodyIsRequired: undefined extends paths['/api/admin/products']['post']['requestBody'] ? false : true = true;
export const minimalProduct: NewProduct = { title: 'Desk lamp', categoryId: '64c000000000000000000001', price: { amount: 1999, currency: 'EUR' } };
// @ts-expect-error a new product needs its title, category and price
export const emptyProduct: NewProduct = {};

export const byOperationId: Equals<operations['getAdminProductsByProductId']['parameters']['path']['productId'], string> = true;

type Upload = paths['/api/media']['post']['requestBody']['content']['multipart/form-data'];
export const upload: Upload = { file: '<the bytes>' };

export const signature: Equals<operations['postPaymentsWebhookStripe']['parameters']['header']['Stripe-Signature'], string> = true;

export const tooLarge: paths['/api/auth/login']['post']['responses'][413]['content']['application/json'] = {
  error: { code: 'payload_too_large', message: 'The request body is too large' },
};
export const errorCode: components['schemas']['Error']['error']['code'] = 'validation_failed';
`;

const wrongPrice = `
import type { paths } from './api';
type ProductList = paths['/api/products']['get']['responses'][200]['content']['application/json'];
export const amount: string = (null as unknown as ProductList)['items'][0]['price']['amount'];
`;

const wrongBody = `
import type { paths } from './api';
type NewProduct = paths['/api/admin/products']['post']['requestBody']['content']['application/json'];
export const withoutCategory: NewProduct = { title: 'Desk lamp', price: { amount: 1999, currency: 'EUR' } };
`;

const compilerOptions: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: [],
  // The generated declarations are checked too.
  skipLibCheck: false,
};

function diagnosticsByFile(files: string[]): Map<string, string[]> {
  const program = ts.createProgram(files, compilerOptions);
  const byFile = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file ? path.basename(diagnostic.file.fileName) : '(options)';
    byFile.set(file, [...(byFile.get(file) ?? []), ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')]);
  }
  return byFile;
}

describe('A client generated from the OpenAPI document (openapi-typescript)', () => {
  let dir: string;
  let diagnostics: Map<string, string[]>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'meanshop-client-'));
    const document = await buildShopOpenApiDocument({ production: true });
    // `required` is exact both ways (a field with a default is optional in a request and always
    // present in a response), so the generator must not guess from `default` (the document says so).
    const types = await openapiTS(document as unknown as OpenAPI3, { defaultNonNullable: false });
    writeFileSync(path.join(dir, 'api.d.ts'), astToString(types));
    const sources = { 'good-client.ts': goodClient, 'wrong-price.ts': wrongPrice, 'wrong-body.ts': wrongBody };
    for (const [name, text] of Object.entries(sources)) writeFileSync(path.join(dir, name), text);
    diagnostics = diagnosticsByFile(Object.keys(sources).map((name) => path.join(dir, name)));
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('type-checks code that uses it as the API allows, its own declarations included', () => {
    expect(diagnostics.get('api.d.ts')).toBeUndefined();
    expect(diagnostics.get('good-client.ts')).toBeUndefined();
    expect(diagnostics.get('(options)')).toBeUndefined();
  });

  it('refuses a price read as a string', () => {
    expect(diagnostics.get('wrong-price.ts')).toEqual([jasmine.stringContaining("Type 'number' is not assignable to type 'string'")]);
  });

  it('refuses a new product without its required category', () => {
    expect(diagnostics.get('wrong-body.ts')).toEqual([jasmine.stringContaining("Property 'categoryId' is missing")]);
  });
});
