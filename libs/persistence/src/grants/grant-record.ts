import { Column, PrimaryColumn } from 'typeorm';
import { InheritedTenantColumn } from '../columns';

/**
 * The key of a record kept under one grant (a tranche, a refund, a monthly check, a termination
 * proposal). Its id is given by the writer before the insert, as the grant's own is.
 */
export abstract class GrantRecord {
  @PrimaryColumn('uuid')
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @Column({ name: 'grant_id', type: 'uuid' })
  grantId: string;
}
