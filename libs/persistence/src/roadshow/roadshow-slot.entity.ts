import { Column, Entity, Index } from 'typeorm';
import { SlotState } from '@app/domain';
import { ChildRow } from '../child-row';

@Entity({ name: 'roadshow_slot' })
@Index('roadshow_slot_position_uq', ['roadshowId', 'position'], { unique: true })
@Index('roadshow_slot_submission_uq', ['roadshowId', 'submissionId'], { unique: true })
export class RoadshowSlot extends ChildRow {
  @Column({ name: 'roadshow_id', type: 'uuid' })
  roadshowId: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  /** 1-based presentation order from the draw. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  state: SlotState;

  @Column({ name: 'pitch_started_at', type: 'timestamptz', nullable: true })
  pitchStartedAt: Date | null;

  @Column({ name: 'pitch_seconds', type: 'integer' })
  pitchSeconds: number;

  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  /** Exact decimal string as announced on the spot, rounded once by the competition's rules. */
  @Column({ name: 'announced_score', type: 'text', nullable: true })
  announcedScore: string | null;

  /** Which judges' totals counted, which were dropped, per-group means: the explanation of the number. */
  @Column({ name: 'announced_breakdown', type: 'jsonb', nullable: true })
  announcedBreakdown: unknown;

  @Column({ name: 'rules_version', type: 'integer', nullable: true })
  rulesVersion: number | null;
}
