import type { ErrorBody } from '@shared/errors';
import { useTestShop } from '../../test/test-shop';

describe('API errors', () => {
  const shop = useTestShop();

  async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    expect(JSON.stringify(body)).not.toMatch(/at .+\.ts:\d+|node_modules|Mongo|mongoose/i);
    return body;
  }

  it('answers unknown /api routes with 404 in the error shape, not the storefront', async () => {
    await expectError(await shop.request('/api/no-such-thing'), 404, 'not_found');
    await expectError(await shop.request('/api/products', { method: 'DELETE' }), 404, 'not_found');
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const response = await shop.request('/api/products', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    });
    await expectError(response, 400, 'malformed_json');
  });

  it('answers a body over the size limit with 413', async () => {
    const response = await shop.request('/api/products', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(200_000) }),
    });
    await expectError(response, 413, 'payload_too_large');
  });

  it('answers an unsupported charset with 415', async () => {
    const response = await shop.request('/api/products', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=klingon' },
      body: '{}',
    });
    await expectError(response, 415, 'unsupported_media_type');
  });

  it('gives every response a request id, keeping a well-formed one the caller sent', async () => {
    const generated = await shop.request('/api/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await shop.request('/api/health', { headers: { 'x-request-id': 'trace-1234abcd' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-1234abcd');
    const replaced = await shop.request('/api/health', { headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('<script>');
  });

  it('sends security headers', async () => {
    const response = await shop.request('/api/health');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
