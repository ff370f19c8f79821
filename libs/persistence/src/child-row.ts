import { PrimaryGeneratedColumn } from 'typeorm';
import { InheritedTenantColumn } from './columns';

/**
 * The key of a row kept under a parent row: an id of its own, and the parent's office, which the
 * database copies on insert (the trigger `tenant_of_parent`) so that nobody writes it.
 */
export abstract class ChildRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;
}
