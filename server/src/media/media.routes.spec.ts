import type { ErrorBody } from '@shared/errors';
import sharp from 'sharp';
import { useTestShop } from '../../test/test-shop';
import { renderProductImage } from '../seed/demo-images';
import { storeImage } from './media.storage';

describe('GET /api/media/:id', () => {
  const shop = useTestShop();
  let imageId: string;

  beforeAll(async () => {
    const image = await renderProductImage('mug', 200, 1);
    imageId = (await storeImage(image.bytes, { filename: 'mug.webp', contentType: 'image/webp', width: image.width, height: image.height })).id;
  });

  it('serves the stored image with its type, a strong ETag and a long cache lifetime', async () => {
    const response = await shop.request(`/api/media/${imageId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('etag')).toBe(`"${imageId}"`);
    expect(response.headers.get('cache-control')).toContain('immutable');
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(metadata.format).toBe('webp');
    expect(metadata.width).toBe(600);
  });

  it('answers 304 when the browser already has it', async () => {
    const response = await shop.request(`/api/media/${imageId}`, { headers: { 'if-none-match': `"${imageId}"` } });
    expect(response.status).toBe(304);
  });

  it('answers 404 for an unknown id and 400 for something that is not an id', async () => {
    const unknown = await shop.request('/api/media/0123456789abcdef01234567');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe('not_found');
    const invalid = await shop.request('/api/media/..%2F..%2Fetc%2Fpasswd');
    expect(invalid.status).toBe(400);
  });
});
