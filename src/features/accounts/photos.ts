import sharp from 'sharp';
import { AppError } from '../../http/errors.ts';

export const PHOTO_SIZES = { small: 64, medium: 256 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif']);

/**
 * Checks an uploaded photo by its content (not its name or declared type) and makes the
 * sizes we serve, as JPEG so that old browsers show them too.
 */
export async function processPhoto(data: Buffer): Promise<Record<PhotoSize, Buffer>> {
  let format: string | undefined;
  try {
    const meta = await sharp(data, { limitInputPixels: 40_000_000 }).metadata();
    format = meta.format;
  } catch {
    format = undefined;
  }
  if (!format || !ACCEPTED.has(format)) throw invalidImage();
  const out = {} as Record<PhotoSize, Buffer>;
  for (const [size, px] of Object.entries(PHOTO_SIZES) as [PhotoSize, number][]) {
    try {
      out[size] = await sharp(data, { limitInputPixels: 40_000_000 })
        .rotate()
        .resize(px, px, { fit: 'cover', position: 'attention' })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer();
    } catch {
      // A readable header over broken or cut-off image data: refused like any other non-image.
      throw invalidImage();
    }
  }
  return out;
}

function invalidImage(): AppError {
  return new AppError(415, 'invalid_image', 'photo.invalid', {}, [
    { field: 'photo', code: 'invalid_image', message: 'photo.invalid' },
  ]);
}
