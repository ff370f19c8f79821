import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JudgeGroup } from '@app/domain';

/** 评估人: a member of a round's panel in one of the four groups. */
@Entity({ name: 'evaluator' })
export class Evaluator {
  @PrimaryGeneratedColumn('uuid')
  id: string;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
