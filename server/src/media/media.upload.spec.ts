import type { ErrorBody } from '@shared/errors';
import sharp from 'sharp';
import { bearer, signInAs, signUp, type Session } from '../../test/accounts-helpers';
import { useTestShop } from '../../test/test-shop';
import { ensureSellerRecords } from '../sellers/sellers.service';
import { readImage } from './media.storage';

describe('Image uploads', () => {
  const shop = useTestShop();
  let admin: Session;

  beforeAll(async () => {
    admin = await signInAs(shop, 'admin');
  });

  async function photo(format: 'jpeg' | 'png', width = 800, height = 600): Promise<Buffer> {
    const image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });
    return format === 'jpeg'
      ? image.jpeg().withExif({ IFD0: { Copyright: 'Secret Photographer', ImageDescription: 'home address here' } }).toBuffer()
      : image.png().toBuffer();
  }

  function upload(session: Session | undefined, bytes: Buffer, filename = 'photo.jpg', type = 'image/jpeg'): Promise<Response> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
    return shop.request('/api/media', { method: 'POST', body: form, headers: session ? bearer(session) : {} });
  }

  it('stores an image as WebP without its metadata, and answers its id and size', async () => {
    const response = await upload(admin, await photo('jpeg'));
    expect(response.status).toBe(201);
    const stored = (await response.json()) as { id: string; width: number; height: number; contentType: string };
    expect(stored).toEqual(jasmine.objectContaining({ width: 800, height: 600, contentType: 'image/webp' }));
    const metadata = await sharp(await readImage(stored.id)).metadata();
    expect(metadata.format).toBe('webp');
    expect(metadata.exif).toBeUndefined();
  });

  it('lets sellers upload too, but not customers or anonymous callers', async () => {
    const seller = await signInAs(shop, 'seller');
    // An approved seller: one without a seller record in good standing may not upload (seller-api.routes.spec.ts).
    await ensureSellerRecords({ userId: seller.auth.user.id });
    const customer = await signUp(shop);
    const png = await photo('png', 40, 40);
    expect((await upload(seller, png, 'a.png', 'image/png')).status).toBe(201);
    expect((await upload(customer, png, 'a.png', 'image/png')).status).toBe(403);
    expect((await upload(undefined, png, 'a.png', 'image/png')).status).toBe(401);
  });

  it('judges the type by the bytes: a renamed text file is refused with 415, a mislabelled PNG accepted', async () => {
    const fake = await upload(admin, Buffer.from('<?php system($_GET["c"]); ?>'), 'innocent.jpg', 'image/jpeg');
    expect(fake.status).toBe(415);
    expect(((await fake.json()) as ErrorBody).error.code).toBe('unsupported_media_type');
    const svg = await upload(admin, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.png', 'image/png');
    expect(svg.status).toBe(415);
    const mislabelled = await upload(admin, await photo('png', 30, 30), 'photo.txt', 'text/plain');
    expect(mislabelled.status).toBe(201);
  });

  it('refuses a file over 10 MB with 413, and a body that is not multipart with 415', async () => {
    const huge = await upload(admin, Buffer.alloc(10 * 1024 * 1024 + 1, 0xff));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as ErrorBody).error.code).toBe('payload_too_large');
    const json = await shop.request('/api/media', { method: 'POST', headers: bearer(admin), json: { file: 'data:image/png;base64,AAAA' } });
    expect(json.status).toBe(415);
    const empty = await shop.request('/api/media', { method: 'POST', headers: bearer(admin), body: new FormData() });
    expect(empty.status).toBe(400);
  });

  it('serves resized variants in the best format the browser accepts, cached with their own ETag', async () => {
    const { id } = (await (await upload(admin, await photo('jpeg', 1600, 1200))).json()) as { id: string };
    const avif = await shop.request(`/api/media/${id}?w=320`, { headers: { accept: 'image/avif,image/webp,*/*' } });
    expect(avif.status).toBe(200);
    expect(avif.headers.get('content-type')).toBe('image/avif');
    expect(avif.headers.get('vary')).toContain('Accept');
    expect((await sharp(Buffer.from(await avif.arrayBuffer())).metadata()).width).toBe(320);

    const jpeg = await shop.request(`/api/media/${id}?w=640`, { headers: { accept: 'image/jpeg' } });
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
    const etag = jpeg.headers.get('etag')!;
    expect(etag).toBe(`"${id}-640-jpeg"`);
    const again = await shop.request(`/api/media/${id}?w=640`, { headers: { accept: 'image/jpeg', 'if-none-match': etag } });
    expect(again.status).toBe(304);

    expect((await shop.request(`/api/media/${id}?w=333`)).status).toBe(400);
  });
});
