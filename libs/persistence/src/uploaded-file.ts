import { Column } from 'typeorm';

/**
 * The columns of a file a person uploaded, kept in the database: its type as judged by its bytes
 * (never as the upload claimed), its size and its sha256.
 */
export abstract class UploadedFile<ContentType extends string> {
  @Column({ name: 'content_type', type: 'text' })
  contentType: ContentType;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  bytes: Buffer;
}
