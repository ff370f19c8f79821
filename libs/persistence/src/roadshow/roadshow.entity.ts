import { Column, Entity } from 'typeorm';
import { CreatedAtColumn } from '../columns';
import { ChildRow } from '../child-row';

@Entity({ name: 'roadshow' })
export class Roadshow extends ChildRow {
  @Column({ name: 'competition_id', type: 'uuid', unique: true })
  competitionId: string;

  @Column({ type: 'text' })
  venue: string;

  /** Published with the order so anyone can re-draw it and get the same sequence. */
  @Column({ name: 'order_seed', type: 'text', nullable: true })
  orderSeed: string | null;

  @Column({ name: 'order_drawn_at', type: 'timestamptz', nullable: true })
  orderDrawnAt: Date | null;

  @Column({ name: 'current_slot_id', type: 'uuid', nullable: true })
  currentSlotId: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
