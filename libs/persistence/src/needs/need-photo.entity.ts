import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { NeedPhotoType } from '@app/domain';
import { InheritedTenantColumn } from '../columns';

/**
 * The photo a resident added to their need, stored as reports' attachments are: its type judged by
 * its bytes, with its sha256. Public only once the community let the need through.
 */
@Entity({ name: 'need_photo' })
export class NeedPhoto {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' })
  needId: string;

  /** The office the row belongs to, copied from its need by the database on insert (so unset before). */
  @InheritedTenantColumn()
  tenantId?: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: NeedPhotoType;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  bytes: Buffer;

  @UpdateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
