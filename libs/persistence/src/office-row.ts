import { PrimaryGeneratedColumn } from 'typeorm';
import { TenantColumn } from './columns';

/** The key of a row its writer files under an office: an id of its own, and that office. */
export abstract class OfficeRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @TenantColumn()
  tenantId: string;
}
