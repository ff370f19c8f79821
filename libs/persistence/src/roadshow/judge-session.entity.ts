import { Column, Entity } from 'typeorm';
import { CreatedAtColumn } from '../columns';
import { ChildRow } from '../child-row';

/** One sign-in of a judge on a tablet; its id is in the judge's token. */
@Entity({ name: 'judge_session' })
export class JudgeSession extends ChildRow {
  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId: string;

  @CreatedAtColumn()
  createdAt: Date;

  /** The tablet's last request, written at most every few seconds. */
  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  /** Set when the judge's code is reissued or the judge is removed; the token is refused from then on. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
