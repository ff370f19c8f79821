import { Column, Entity } from 'typeorm';
import { CompetitionRules, CompetitionState } from '@app/domain';
import { fenTransformer } from '../fen.transformer';
import { VersionedOfficeRow } from '../versioned-office-row';

export interface GrantorParty {
  readonly name: string;
  readonly address: string;
  readonly representative: string;
}

/** A competition, under the office that runs it and owns everything made for it. */
@Entity({ name: 'competition' })
export class Competition extends VersionedOfficeRow {
  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  state: CompetitionState;

  @Column({ name: 'pool_fen', type: 'bigint', transformer: fenTransformer })
  poolFen: number;

  @Column({ type: 'jsonb' })
  rules: CompetitionRules;

  /** Bumped on every rules change; every result records the version it used. */
  @Column({ name: 'rules_version', type: 'integer' })
  rulesVersion: number;

  @Column({ name: 'rules_frozen_at', type: 'timestamptz', nullable: true })
  rulesFrozenAt: Date | null;

  /** The grants office as party A of the agreements. */
  @Column({ type: 'jsonb' })
  grantor: GrantorParty;

  @Column({ name: 'submission_deadline', type: 'timestamptz' })
  submissionDeadline: Date;
}
