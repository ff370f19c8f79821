import { Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { NeedPhotoType } from '@app/domain';
import { UploadedFile } from '../uploaded-file';
import { InheritedTenantColumn } from '../columns';

/**
 * The photo a resident added to their need, stored as reports' attachments are: its type judged by
 * its bytes, with its sha256. Public only once the community let the need through.
 */
@Entity({ name: 'need_photo' })
export class NeedPhoto extends UploadedFile<NeedPhotoType> {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' })
  needId: string;

  /** The office the row belongs to, copied from its need by the database on insert (so unset before). */
  @InheritedTenantColumn()
  tenantId?: string;

  @UpdateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
