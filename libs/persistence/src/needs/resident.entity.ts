import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ResidentMethod } from '@app/domain';
import { CreatedAtColumn } from '../columns';

/**
 * A resident of the needs walls. Known by a keyed digest of their phone number (never the number),
 * so one number is one person; one who used a community's code is a fresh row per sign-in.
 */
@Entity({ name: 'resident' })
export class Resident {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  method: ResidentMethod;

  @Column({ type: 'text', nullable: true })
  digest: string | null;

  @Column({ name: 'digest_key_id', type: 'text', nullable: true })
  digestKeyId: string | null;

  @Column({ name: 'community_id', type: 'uuid', nullable: true })
  communityId: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
