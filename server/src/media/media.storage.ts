import { GridFSBucket, ObjectId } from 'mongodb';
import mongoose from 'mongoose';

export interface StoredImage {
  id: string;
  contentType: string;
  width: number;
  height: number;
}

/** Images live in MongoDB GridFS, so every instance serves the same files with no shared disk. */
function bucket(): GridFSBucket {
  return new GridFSBucket(mongoose.connection.db!, { bucketName: 'media' });
}

export async function storeImage(
  bytes: Buffer,
  file: { filename: string; contentType: string; width: number; height: number },
): Promise<StoredImage> {
  const id = new ObjectId();
  await new Promise<void>((resolve, reject) => {
    bucket()
      .openUploadStreamWithId(id, file.filename, { metadata: { contentType: file.contentType, width: file.width, height: file.height } })
      .on('finish', () => resolve())
      .on('error', reject)
      .end(bytes);
  });
  return { id: id.toString(), contentType: file.contentType, width: file.width, height: file.height };
}

export async function findImage(id: string): Promise<(StoredImage & { length: number; uploadDate: Date }) | undefined> {
  const [file] = await bucket().find({ _id: new ObjectId(id) }).limit(1).toArray();
  if (!file) return undefined;
  const metadata = file.metadata as { contentType: string; width: number; height: number };
  return { id, length: file.length, uploadDate: file.uploadDate, ...metadata };
}

export function openImageStream(id: string) {
  return bucket().openDownloadStream(new ObjectId(id));
}
