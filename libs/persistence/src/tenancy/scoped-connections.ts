import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { PLATFORM_SCOPE, TenantScope, currentTenantScope } from './tenant-scope';

type Release = (error?: Error) => void;

/** The settings each connection last received, so an unchanged scope costs no round trip. */
const applied = new WeakMap<PoolClient, string>();

function settingsOf(scope: TenantScope): [tenantId: string, visible: string] {
  return [scope.tenantId ?? '', scope.visible === 'all' ? 'all' : scope.visible.join(',')];
}

/**
 * Makes every connection the data source hands out carry the current tenant scope as the Postgres
 * settings the row-level security policies read (app.tenant_id, app.visible_tenants). Every query,
 * repository call and transaction of TypeORM takes its connection through the driver's
 * obtainMasterConnection, so wrapping that one method is the one place the scope reaches the
 * database, and no code path can skip it.
 *
 * The settings are session-level (set_config(…, false)), yet safe with a pool: they are written at
 * checkout, before the borrower's first statement, and the borrower keeps the connection for the
 * whole of its query or transaction, so no statement ever runs under another borrower's scope. They
 * are set outside any transaction, so a later rollback cannot undo them; a connection the pool
 * replaces starts without them and sees nothing until its first checkout sets them.
 */
export function bindTenantScope(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { obtainMasterConnection: () => Promise<[PoolClient, Release]> };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    const [client, release] = await obtain();
    const [tenantId, visible] = settingsOf(currentTenantScope() ?? PLATFORM_SCOPE);
    const key = `${tenantId}|${visible}`;
    if (applied.get(client) !== key) {
      try {
        await client.query(
          `SELECT set_config('app.tenant_id', $1, false), set_config('app.visible_tenants', $2, false)`,
          [tenantId, visible],
        );
      } catch (error) {
        release(error as Error);
        throw error;
      }
      applied.set(client, key);
    }
    return [client, release];
  };
}
