import { Column, CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** The columns of a row that a person creates and later edits: who created it, and when each happened. */
export abstract class EditedRow {
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An edited row with an optimistic lock: two people editing at once must not overwrite each other silently. */
export abstract class VersionedRow extends EditedRow {
  @VersionColumn()
  version: number;
}
