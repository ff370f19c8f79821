/**
 * A connection's scope, set by the application on every checkout (libs/persistence tenancy): which
 * offices it sees (`all`, or their ids joined by commas) and which office it acts for. A connection
 * that never set them sees nothing and writes nothing. Compared as text, so no setting can make a
 * policy raise instead of answering. Each setting is read in a scalar subquery, which Postgres
 * evaluates once per statement (an InitPlan) instead of once per row: reading and splitting the
 * setting for each of a million votes tripled a tally's time, and the per-row form also misled the
 * planner's row estimates.
 */
const VISIBLE = `((SELECT current_setting('app.visible_tenants', true) = 'all')
  OR tenant_id::text = ANY ((SELECT string_to_array(current_setting('app.visible_tenants', true), ','))::text[]))`;
const WRITABLE = `((SELECT current_setting('app.visible_tenants', true) = 'all')
  OR tenant_id::text = (SELECT current_setting('app.tenant_id', true)))`;

/**
 * Reads see the visible offices; writes land only in the acting office. An UPDATE finds every
 * visible row and then fails its check (rather than skipping the row silently), so a district
 * office's write to a street's row is an error the API reports, not a change that quietly did not
 * happen. Not FORCEd: the owner is the migration role, which must see every row to move data. Every
 * office-owned table gets these same four, whichever migration made it.
 */
export function policies(table: string): string[] {
  return [
    `CREATE POLICY ${table}_read ON ${table} FOR SELECT USING ${VISIBLE}`,
    `CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK ${WRITABLE}`,
    `CREATE POLICY ${table}_update ON ${table} FOR UPDATE USING ${VISIBLE} WITH CHECK ${WRITABLE}`,
    `CREATE POLICY ${table}_delete ON ${table} FOR DELETE USING ${WRITABLE}`,
  ];
}

/** The tables that carry the four policies, as the catalogue lists them. */
export const POLICY_TABLES = `SELECT tablename FROM pg_policies
  WHERE schemaname = 'public' AND policyname = tablename || '_read' ORDER BY tablename`;

export function dropPolicies(table: string): string[] {
  return ['read', 'insert', 'update', 'delete'].map((command) => `DROP POLICY ${table}_${command} ON ${table}`);
}
