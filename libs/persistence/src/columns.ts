import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** The office a row belongs to, set by whoever writes the row. */
export function TenantColumn(): PropertyDecorator {
  return Column({ name: 'tenant_id', type: 'uuid' });
}

/**
 * The office a row belongs to, copied from its parent row by the database on insert (the trigger
 * `tenant_of_parent`), so unset before: the row can never be filed under another office than its parent.
 */
export function InheritedTenantColumn(): PropertyDecorator {
  return Column({ name: 'tenant_id', type: 'uuid', update: false });
}

/** When the row was inserted, stamped by TypeORM on insert. */
export function CreatedAtColumn(): PropertyDecorator {
  return CreateDateColumn({ name: 'created_at', type: 'timestamptz' });
}

/** When the row was last saved, stamped by TypeORM on every save. */
export function UpdatedAtColumn(): PropertyDecorator {
  return UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' });
}
