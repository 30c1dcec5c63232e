import { z } from 'zod';

/**
 * One record of an S3 event notification
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html). Only
 * the fields Meetbridge reads; unknown ones are ignored.
 */
const S3NoticeRecordWire = z.object({
  eventName: z.string(),
  eventTime: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({ key: z.string().min(1), size: z.number().nonnegative().optional() }),
  }),
});

/** An object-created notice, read. */
export interface S3ObjectCreated {
  /** `ObjectCreated:Put`, `ObjectCreated:CompleteMultipartUpload`, … */
  eventName: string;
  eventTime: Date;
  bucket: string;
  /** The object key, decoded. */
  key: string;
  sizeBytes: number | null;
}

/**
 * S3 writes the key "URL-encoded" like an HTML form value (a space arrives as `+`), so it is
 * decoded as such; a key that does not decode is refused.
 */
export function decodeNoticeKey(key: string): string | null {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** An `ObjectCreated:*` record as `S3ObjectCreated`; `null` for any other record or a malformed one. */
export function readObjectCreated(record: unknown): S3ObjectCreated | null {
  const parsed = S3NoticeRecordWire.safeParse(record);
  if (!parsed.success || !parsed.data.eventName.startsWith('ObjectCreated:')) return null;
  const { eventName, eventTime, s3 } = parsed.data;
  const key = decodeNoticeKey(s3.object.key);
  const at = new Date(eventTime);
  if (key === null || Number.isNaN(at.getTime())) return null;
  return { eventName, eventTime: at, bucket: s3.bucket.name, key, sizeBytes: s3.object.size ?? null };
}
