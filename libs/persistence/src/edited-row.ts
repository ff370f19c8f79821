import { Column, VersionColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from './columns';

/** The columns of a row that a person creates and later edits: who created it, and when each happened. */
export abstract class EditedRow {
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

/** An edited row with an optimistic lock: two people editing at once must not overwrite each other silently. */
export abstract class VersionedRow extends EditedRow {
  @VersionColumn()
  version: number;
}
