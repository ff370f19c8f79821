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

/** Outside any request or job (the CLI, the worker's ticks, tests' factories): the whole platform. */
export const PLATFORM_SCOPE: TenantScope = { tenantId: null, visible: 'all' };

/** Where a request starts until its caller is known: no office's rows. */
export const NO_TENANT_SCOPE: TenantScope = { tenantId: null, visible: [] };

/**
 * A cell rather than the scope itself, so that the auth guard can narrow the scope of the request it
 * runs in: a scope entered inside the guard would end with the guard's own promise.
 */
interface ScopeCell {
  scope: TenantScope;
}

const storage = new AsyncLocalStorage<ScopeCell>();

export function runInTenantScope<T>(scope: TenantScope, work: () => T): T {
  return storage.run({ scope }, work);
}

/** Replaces the scope of the request or job running now; outside one there is nothing to replace. */
export function setTenantScope(scope: TenantScope): void {
  const cell = storage.getStore();
  if (cell) cell.scope = scope;
}

export function currentTenantScope(): TenantScope | undefined {
  return storage.getStore()?.scope;
}
