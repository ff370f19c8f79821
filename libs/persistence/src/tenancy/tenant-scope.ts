import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which offices' rows the code running now acts for and may see: set once where a request or a job
 * learns who it serves, read wherever a row is written or a query scoped, so no signature carries it.
 */
export interface TenantScope {
  /** The office new rows and audit entries belong to; null for platform-wide acts (an admin, a registration). */
  readonly tenantId: string | null;
  /** Offices whose rows are visible: a street office its own, a district also its streets'; `all` for the platform. */
  readonly visible: readonly string[] | 'all';
}

const storage = new AsyncLocalStorage<TenantScope>();

export function runInTenantScope<T>(scope: TenantScope, work: () => T): T {
  return storage.run(scope, work);
}

export function currentTenantScope(): TenantScope | undefined {
  return storage.getStore();
}
