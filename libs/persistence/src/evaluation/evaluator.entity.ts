import { Column, Entity } from 'typeorm';
import { JudgeGroup } from '@app/domain';
import { CreatedAtColumn } from '../columns';
import { ChildRow } from '../child-row';

/** 评估人: a member of a round's panel in one of the four groups. */
@Entity({ name: 'evaluator' })
export class Evaluator extends ChildRow {
  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  /** 1-based order of appointment: decides which of equal extreme totals is dropped. */
  @Column({ type: 'integer' })
  seat: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'evaluator_group', type: 'text' })
  group: JudgeGroup;

  /** The evaluator's own organization and community: a project of either is an automatic conflict. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'text', nullable: true })
  community: string | null;

  /** HMAC of the one-time sign-in code under the credential key digestKeyId names; null until one is issued. */
  @Column({ name: 'code_digest', type: 'text', unique: true, nullable: true })
  codeDigest: string | null;

  @Column({ name: 'digest_key_id', type: 'text', nullable: true })
  digestKeyId: string | null;

  /** When the current code was made: a session names it, so a reissue ends the sessions of the old code. */
  @Column({ name: 'code_issued_at', type: 'timestamptz', nullable: true })
  codeIssuedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
