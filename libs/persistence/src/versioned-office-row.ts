import { PrimaryGeneratedColumn } from 'typeorm';
import { TenantColumn } from './columns';
import { VersionedRow } from './edited-row';

/**
 * The key of a versioned row its writer files under an office, as OfficeRow's: TypeORM lists a
 * base's columns first, and these tables have the edit columns before their key.
 */
export abstract class VersionedOfficeRow extends VersionedRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @TenantColumn()
  tenantId: string;
}
