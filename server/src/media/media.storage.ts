import { GridFSBucket, ObjectId } from 'mongodb';
import mongoose from 'mongoose';

export interface StoredImage {
  id: string;
  contentType: string;
  width: number;
  height: number;
}

interface ImageMetadata {
  contentType: string;
  width: number;
  height: number;
  ownerId?: string;
}

/** Images live in MongoDB GridFS, so every instance serves the same files with no shared disk. */
function bucket(name: 'media' | 'media_variants'): GridFSBucket {
  return new GridFSBucket(mongoose.connection.db!, { bucketName: name });
}

/**
 * The indexes GridFS makes on a bucket's first upload, made at start instead, so that they are
 * there before anything else looks at the database's indexes (ferretdb-postgres-indexes.ts).
 */
export async function ensureMediaIndexes(): Promise<void> {
  const database = mongoose.connection.db!;
  for (const name of ['media', 'media_variants'] as const) {
    await database.collection(`${name}.files`).createIndex({ filename: 1, uploadDate: 1 });
    await database.collection(`${name}.chunks`).createIndex({ files_id: 1, n: 1 }, { unique: true });
  }
}

function upload(bucketName: 'media' | 'media_variants', id: ObjectId, filename: string, bytes: Buffer, metadata: object): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    bucket(bucketName).openUploadStreamWithId(id, filename, { metadata }).on('finish', () => resolve()).on('error', reject).end(bytes);
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function storeImage(
  bytes: Buffer,
  file: { filename: string; contentType: string; width: number; height: number; ownerId?: string },
): Promise<StoredImage> {
  const id = new ObjectId();
  const metadata: ImageMetadata = { contentType: file.contentType, width: file.width, height: file.height, ...(file.ownerId ? { ownerId: file.ownerId } : {}) };
  await upload('media', id, file.filename, bytes, metadata);
  return { id: id.toString(), contentType: file.contentType, width: file.width, height: file.height };
}

export async function findImage(id: string): Promise<(StoredImage & { length: number; ownerId?: string }) | undefined> {
  const [file] = await bucket('media').find({ _id: new ObjectId(id) }).limit(1).toArray();
  if (!file) return undefined;
  const metadata = file.metadata as ImageMetadata;
  return { id, length: file.length, ...metadata };
}

export function openImageStream(id: string) {
  return bucket('media').openDownloadStream(new ObjectId(id));
}

export function readImage(id: string): Promise<Buffer> {
  return readAll(openImageStream(id));
}

/** A resized variant made earlier, by any instance. */
export async function findVariant(filename: string): Promise<Buffer | undefined> {
  const [file] = await bucket('media_variants').find({ filename }).limit(1).toArray();
  return file ? readAll(bucket('media_variants').openDownloadStream(file._id)) : undefined;
}

export async function storeVariant(filename: string, bytes: Buffer, contentType: string): Promise<void> {
  await upload('media_variants', new ObjectId(), filename, bytes, { contentType });
}
