import { imageBytesSchema, mediaIdParamsSchema, mediaQuerySchema, uploadedImageSchema } from '@shared/media/media.schema';
import { maxUploadBytes } from '@shared/media/media-widths';
import type { RequestHandler } from 'express';
import multer from 'multer';
import { AppError } from '../http/app-error';
import type { ApiRoutes } from '../http/api-routes';
import { sellersInGoodStanding } from '../seller-api/seller-api-auth';
import { negotiateFormat, normaliseUpload, renderVariant } from './image-processing';
import { findImage, findVariant, openImageStream, readImage, storeImage, storeVariant } from './media.storage';

const oneYearInSeconds = 365 * 24 * 60 * 60;

/** Parses one file field named `file` into memory, with multer's errors turned into our error shape. */
const parseSingleImage: RequestHandler = (req, res, next) => {
  if (!req.is('multipart/form-data')) {
    next(new AppError(415, 'unsupported_media_type', 'Send the image as multipart/form-data in a field named "file"'));
    return;
  }
  multer({ storage: multer.memoryStorage(), limits: { fileSize: maxUploadBytes, files: 1, fields: 5, parts: 6 } }).single('file')(req, res, (error: unknown) => {
    if (!error) return next();
    if (error instanceof multer.MulterError) {
      if (error.code === 'LIMIT_FILE_SIZE') return next(new AppError(413, 'payload_too_large', `Images may be at most ${maxUploadBytes / 1024 / 1024} MB`));
      return next(new AppError(400, 'validation_failed', 'Send exactly one file, in a field named "file"', [{ path: 'body.file', message: error.message }]));
    }
    next(new AppError(400, 'validation_failed', 'The upload could not be read'));
  });
};

export function registerMediaRoutes(api: ApiRoutes): void {
  api.add({
    method: 'post',
    path: '/media',
    tag: 'Media',
    summary: 'Upload one image (admin or seller); re-encoded as WebP with its metadata removed',
    description: `multipart/form-data with one field \`file\`, at most ${maxUploadBytes / 1024 / 1024} MB. The type is judged from the bytes. A suspended seller is 403.`,
    auth: { roles: ['admin', 'seller'] },
    // A suspended seller has nothing to show; the check comes before the file is read.
    middleware: [sellersInGoodStanding, parseSingleImage],
    response: { status: 201, description: 'The stored image', schema: uploadedImageSchema },
    errors: [413, 415],
    handler: async ({ user }, req) => {
      if (!req.file) throw new AppError(400, 'validation_failed', 'No file was sent', [{ path: 'body.file', message: 'is required' }]);
      const image = await normaliseUpload(req.file.buffer);
      return storeImage(image.bytes, { filename: `${user.id}-${Date.now()}.webp`, contentType: image.contentType, width: image.width, height: image.height, ownerId: user.id });
    },
  });

  api.add({
    method: 'get',
    path: '/media/:id',
    tag: 'Media',
    summary: 'An image by id, optionally resized; immutable, so cached for a year',
    params: mediaIdParamsSchema,
    query: mediaQuerySchema,
    response: { status: 200, description: 'The image bytes', contentType: 'image/*', schema: imageBytesSchema },
    errors: [404],
    handler: async ({ params, query }, req, res) => {
      const image = await findImage(params.id);
      if (!image) throw AppError.notFound('Image');
      const format = query.w ? negotiateFormat(req.get('accept')) : undefined;
      // Stored images never change, so id, width and format make a strong validator.
      const etag = `"${image.id}${query.w ? `-${query.w}-${format}` : ''}"`;
      res.set({ ETag: etag, 'Cache-Control': `public, max-age=${oneYearInSeconds}, immutable`, Vary: 'Accept' });
      if (req.get('if-none-match') === etag) {
        res.status(304).end();
        return undefined;
      }
      if (!query.w || !format) {
        res.status(200).set({ 'Content-Type': image.contentType, 'Content-Length': String(image.length) });
        await new Promise<void>((resolve, reject) => {
          openImageStream(params.id).on('error', reject).on('end', resolve).pipe(res);
        });
        return undefined;
      }
      const variantName = `${image.id}/${query.w}.${format}`;
      let variant = await findVariant(variantName);
      if (!variant) {
        variant = await renderVariant(await readImage(image.id), query.w, format);
        await storeVariant(variantName, variant, `image/${format}`);
      }
      res.status(200).type(`image/${format}`).send(variant);
      return undefined;
    },
  });
}
