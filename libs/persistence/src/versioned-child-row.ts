import { PrimaryGeneratedColumn } from 'typeorm';
import { InheritedTenantColumn } from './columns';
import { VersionedRow } from './edited-row';

/**
 * The key of a versioned row kept under a parent row, as ChildRow's: TypeORM lists a base's columns
 * first, and these tables have the edit columns before their key.
 */
export abstract class VersionedChildRow extends VersionedRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;
}
