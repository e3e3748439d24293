import { z } from 'zod';
import { objectIdSchema } from '../catalog/product';
import { mediaWidths, type MediaWidth } from './media-widths';

export const uploadedImageSchema = z
  .object({ id: z.string(), contentType: z.string(), width: z.number().int(), height: z.number().int() })
  .meta({ id: 'UploadedImage' });
export type UploadedImage = z.infer<typeof uploadedImageSchema>;

/** An image's bytes, as the OpenAPI document describes a binary answer. */
export const imageBytesSchema = z.string().meta({ format: 'binary' });

export const mediaIdParamsSchema = z.strictObject({ id: objectIdSchema });

export const mediaQuerySchema = z.strictObject({
  w: z.coerce
    .number()
    .int()
    .refine((width): width is MediaWidth => (mediaWidths as readonly number[]).includes(width), `must be one of ${mediaWidths.join(', ')}`)
    .optional()
    .meta({ description: `Width of the variant: one of ${mediaWidths.join(', ')}. AVIF, WebP or JPEG by the Accept header.` }),
});
