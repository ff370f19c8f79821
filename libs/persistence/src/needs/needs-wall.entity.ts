import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TenantColumn, UpdatedAtColumn } from '../columns';

/**
 * A community's needs wall (需求墙): the office it belongs to, chosen by the community when it opens
 * the wall, and a keyed digest of the code it prints on the wall so residents without a phone can post.
 */
@Entity({ name: 'needs_wall' })
export class NeedsWall {
  /** The community (an organization of kind community). */
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** The street office that buys its orders; every need, list and order of the wall belongs to it. */
  @TenantColumn()
  tenantId: string;

  @Column({ name: 'code_digest', type: 'text' })
  codeDigest: string;

  @Column({ name: 'code_key_id', type: 'text' })
  codeKeyId: string;

  @Column({ name: 'opened_by', type: 'uuid' })
  openedBy: string;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
