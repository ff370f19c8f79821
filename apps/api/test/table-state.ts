import { DataSource } from 'typeorm';

/**
 * Every table's row count and a digest of its rows, so that comparing two states shows an update
 * as well as an insert or a delete: "nothing was written" checked on the whole database. A judge
 * session's `last_seen_at` is left out: any request a signed-in tablet makes, refused or not, shows
 * the office that the tablet is online, and that is presence, not data.
 */
/** Columns that record presence, not data, by table. */
const PRESENCE: Readonly<Record<string, string>> = { judge_session: 'last_seen_at' };

export async function tableState(db: DataSource): Promise<Map<string, string>> {
  const names: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const state = new Map<string, string>();
  for (const { name } of names) {
    const text = PRESENCE[name] ? `(to_jsonb(t) - '${PRESENCE[name]}')::text` : 't::text';
    const [row]: { count: number; digest: string }[] = await db.query(
      `SELECT count(*)::int AS count, md5(coalesce(string_agg(md5(${text}), '' ORDER BY md5(${text})), '')) AS digest
         FROM "${name}" t`,
    );
    state.set(name, `${row.count} rows, ${row.digest}`);
  }
  return state;
}

/** The tables whose rows differ between two states. */
export function tablesWritten(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([name, state]) => before.get(name) !== state).map(([name]) => name);
}
