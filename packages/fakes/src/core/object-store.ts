import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * Where a fake writes recordings: an S3 or S3-compatible server (s3rver, MinIO) reached with the
 * credentials and endpoint the test harness passes in. A real provider writes with credentials the
 * customer gave it (Whereby access keys) or a role it assumes (Daily `assume_role_arn`); a fake
 * cannot assume roles, so its configuration carries the keys.
 */
export interface ObjectStoreOptions {
  /** An S3-compatible endpoint (`http://127.0.0.1:4568`); absent = AWS. */
  endpoint?: string;
  /** Default `us-east-1`. */
  region?: string;
  /** Path-style URLs (`http://host/bucket/key`), which s3rver and MinIO need. Default true when `endpoint` is set. */
  forcePathStyle?: boolean;
  /** Default: the AWS SDK's default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** One object written, as S3 event notifications report it. */
export interface WrittenObject {
  bucket: string;
  key: string;
  size: number;
  eTag: string;
}

/**
 * Writes objects into buckets. Checksums are computed only when an operation requires them: with the
 * SDK's default (aws-chunked bodies with a CRC32 trailer) s3rver stores the chunk framing inside the
 * object without an error (shared/reference/toolchain-notes.md §3).
 */
export class ObjectStore {
  private readonly clients = new Map<string, S3Client>();

  constructor(private readonly options: ObjectStoreOptions) {}

  private client(credentials = this.options.credentials): S3Client {
    const id = credentials?.accessKeyId ?? '';
    let client = this.clients.get(id);
    if (!client) {
      client = new S3Client({
        region: this.options.region ?? 'us-east-1',
        endpoint: this.options.endpoint,
        forcePathStyle: this.options.forcePathStyle ?? this.options.endpoint !== undefined,
        credentials,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
      this.clients.set(id, client);
    }
    return client;
  }

  /**
   * Puts one object. `credentials` overrides the configured ones (Whereby writes with the access key
   * of the meeting's `recording.destination`).
   */
  async put(
    bucket: string,
    key: string,
    body: Buffer,
    options: { contentType?: string; credentials?: { accessKeyId: string; secretAccessKey: string } } = {},
  ): Promise<WrittenObject> {
    const reply = await this.client(options.credentials ?? this.options.credentials).send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: options.contentType, ContentLength: body.length }),
    );
    return { bucket, key, size: body.length, eTag: (reply.ETag ?? '').replace(/"/g, '') };
  }

  close(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}
