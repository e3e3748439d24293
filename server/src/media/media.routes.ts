import { objectIdSchema } from '@shared/catalog/product';
import { z } from 'zod';
import { AppError } from '../http/app-error';
import type { ApiRoutes } from '../http/api-routes';
import { findImage, openImageStream } from './media.storage';

const oneYearInSeconds = 365 * 24 * 60 * 60;

export function registerMediaRoutes(api: ApiRoutes): void {
  api.add({
    method: 'get',
    path: '/media/:id',
    tag: 'Media',
    summary: 'An image by id; immutable, so cached for a year',
    params: z.strictObject({ id: objectIdSchema }),
    response: { status: 200, description: 'The image bytes', contentType: 'image/webp', schema: z.string().meta({ format: 'binary' }) },
    errors: [404],
    handler: async ({ params }, req, res) => {
      const image = await findImage(params.id);
      if (!image) throw AppError.notFound('Image');
      // Stored images never change, so the id is a strong validator.
      const etag = `"${image.id}"`;
      res.set({ ETag: etag, 'Cache-Control': `public, max-age=${oneYearInSeconds}, immutable` });
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return undefined;
      }
      res.status(200).set({ 'Content-Type': image.contentType, 'Content-Length': String(image.length) });
      await new Promise<void>((resolve, reject) => {
        openImageStream(params.id).on('error', reject).on('end', resolve).pipe(res);
      });
      return undefined;
    },
  });
}
