import { Column, CreateDateColumn, Entity } from 'typeorm';
import { TerminationCause, TerminationProposalState } from '@app/domain';
import { GrantRecord } from '../grants/grant-record';

/**
 * 终止建议: a grant proposed for termination, by a rule (monthly checks, a second failed evaluation)
 * or by the office on a breach; at most one open per grant, until the office confirms or overrides it.
 */
@Entity({ name: 'termination_proposal' })
export class TerminationProposal extends GrantRecord {
  @Column({ type: 'text' })
  cause: TerminationCause;

  /** What the rule saw or the office found, shown with the proposal. */
  @Column({ type: 'text' })
  detail: string;

  @Column({ type: 'text' })
  state: TerminationProposalState;

  @Column({ name: 'proposed_by', type: 'uuid', nullable: true })
  proposedBy: string | null;

  @CreateDateColumn({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ name: 'sanction_id', type: 'uuid', nullable: true })
  sanctionId: string | null;
}
