import type { MediaWidth } from '@shared/media/media-widths';
import sharp from 'sharp';
import { AppError } from '../http/app-error';

/** Formats we accept, judged from the bytes themselves, never from the name or Content-Type. */
const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'heif']);

export type VariantFormat = 'avif' | 'webp' | 'jpeg';

const maxStoredSide = 2400;
/** Refuses decompression bombs: a tiny file that claims an enormous canvas. */
const maxInputPixels = 50_000_000;

export interface NormalisedImage {
  bytes: Buffer;
  width: number;
  height: number;
  contentType: 'image/webp';
}

/**
 * Re-encodes an upload as WebP: applies the EXIF orientation, bounds the size and drops every
 * piece of metadata (location, camera, comments). Anything sharp cannot read as an accepted image
 * format is refused with 415.
 */
export async function normaliseUpload(input: Buffer): Promise<NormalisedImage> {
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: maxInputPixels }).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !acceptedFormats.has(format)) {
    throw new AppError(415, 'unsupported_media_type', 'The file is not an image we accept (JPEG, PNG, WebP, AVIF, GIF or HEIF)');
  }
  try {
    const { data, info } = await sharp(input, { limitInputPixels: maxInputPixels, animated: false })
      .rotate()
      .resize({ width: maxStoredSide, height: maxStoredSide, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 86 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height, contentType: 'image/webp' };
  } catch {
    throw new AppError(415, 'unsupported_media_type', 'The image could not be read; it may be damaged');
  }
}

/** The best format the browser says it accepts. */
export function negotiateFormat(acceptHeader: string | undefined): VariantFormat {
  const accept = acceptHeader ?? '';
  if (accept.includes('image/avif')) return 'avif';
  if (accept.includes('image/webp')) return 'webp';
  return 'jpeg';
}

export async function renderVariant(original: Buffer, width: MediaWidth, format: VariantFormat): Promise<Buffer> {
  const resized = sharp(original).resize({ width, withoutEnlargement: true });
  if (format === 'avif') return resized.avif({ quality: 55, effort: 2 }).toBuffer();
  if (format === 'webp') return resized.webp({ quality: 80 }).toBuffer();
  return resized.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}
