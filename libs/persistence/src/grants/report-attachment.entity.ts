import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, InheritedTenantColumn } from '../columns';

export type AttachmentContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** A photo, sign-in sheet or receipt of a report; its type judged by its bytes, stored with its sha256. */
@Entity({ name: 'report_attachment' })
export class ReportAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Column({ type: 'text' })
  filename: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: AttachmentContentType;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  bytes: Buffer;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
