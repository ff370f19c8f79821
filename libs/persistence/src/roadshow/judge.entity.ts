import { Column, Entity } from 'typeorm';
import { JudgeGroup } from '@app/domain';
import { CreatedAtColumn } from '../columns';
import { ChildRow } from '../child-row';

@Entity({ name: 'judge' })
export class Judge extends ChildRow {
  @Column({ name: 'roadshow_id', type: 'uuid' })
  roadshowId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'judge_group', type: 'text' })
  group: JudgeGroup;

  /** Exact decimal string. */
  @Column({ type: 'text' })
  weight: string;

  /** The judge's own organization and community: a project of either is an automatic conflict. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'text', nullable: true })
  community: string | null;

  /** HMAC of the sign-in code under the credential key named by digestKeyId: looked up by both, never stored in clear. */
  @Column({ name: 'code_digest', type: 'text', unique: true })
  codeDigest: string;

  /** Id of the CREDENTIAL_KEYS key that made codeDigest; `legacy` for codes made before credential keys had ids. */
  @Column({ name: 'digest_key_id', type: 'text' })
  digestKeyId: string;

  /** When the current code was made: a reissue replaces the digest and moves this on. */
  @Column({ name: 'code_issued_at', type: 'timestamptz' })
  codeIssuedAt: Date;

  @CreatedAtColumn()
  createdAt: Date;
}
