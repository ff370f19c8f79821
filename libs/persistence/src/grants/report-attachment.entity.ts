import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { UploadedFile } from '../uploaded-file';
import { CreatedAtColumn, InheritedTenantColumn } from '../columns';

export type AttachmentContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** A photo, sign-in sheet or receipt of a report; its type judged by its bytes, stored with its sha256. */
@Entity({ name: 'report_attachment' })
export class ReportAttachment extends UploadedFile<AttachmentContentType> {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Column({ type: 'text' })
  filename: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
