import { Column, Entity } from 'typeorm';
import { InvitationPurpose } from '@app/domain';
import { CreatedAtColumn } from '../columns';
import { OfficeRow } from '../office-row';

/**
 * A one-time link with which a person sets the password of an office account: given to them by an
 * administrator, used once, expiring. Only a keyed digest of its token is kept.
 */
@Entity({ name: 'invitation' })
export class Invitation extends OfficeRow {
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  purpose: InvitationPurpose;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash: string;

  @Column({ name: 'digest_key_id', type: 'text' })
  digestKeyId: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
