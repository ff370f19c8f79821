import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createDataSource } from '../data-source';
import { CredentialKeyIds1764144000000 } from './1764144000000-credential-key-ids';
import { GrantRules1764316800000 } from './1764316800000-grant-rules';
import { TerminationProposals1764576000000 } from './1764576000000-termination-proposals';
import { MIGRATIONS } from './index';

/** Every migration must apply to an empty database and revert cleanly, so a bad deploy can roll back. */
describe('migrations (real Postgres)', () => {
  const url = new URL(loadConfig().database.ownerUrl as string);
  let admin: DataSource;
  let dataSource: DataSource;
  let scratch: string;

  beforeAll(async () => {
    admin = await createDataSource({ url: url.toString(), poolSize: 1 }).initialize();
  });

  // Each test starts from an empty database of its own.
  beforeEach(async () => {
    scratch = `${url.pathname.slice(1)}_migrations_${randomUUID().slice(0, 8)}`;
    await admin.query(`CREATE DATABASE "${scratch}"`);
    const scratchUrl = new URL(url.toString());
    scratchUrl.pathname = `/${scratch}`;
    dataSource = await createDataSource({ url: scratchUrl.toString(), poolSize: 1 }).initialize();
  });

  afterEach(async () => {
    await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  });

  afterAll(async () => {
    await admin.destroy();
  });

  it('applies every migration to an empty database, reverts them all, and applies them again', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    for (let i = 0; i < MIGRATIONS.length; i += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const tables: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`,
    );
    expect(tables).toEqual([]);
    expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('files the digests made before credential keys had ids under the key id legacy, and no later ones', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    for (let i = MIGRATIONS.indexOf(CredentialKeyIds1764144000000); i < MIGRATIONS.length; i += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const [user] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO app_user (role, login, display_name, password_hash)
       VALUES ('office', 'legacy-' || gen_random_uuid(), '西南街道党工委 办公室', 'x') RETURNING id`,
    );
    await dataSource.query(`INSERT INTO api_key (user_id, name, key_hash) VALUES ($1, '对接', 'made-before')`, [
      user.id,
    ]);
    await dataSource.runMigrations({ transaction: 'each' });
    const rows = await dataSource.query<{ digest_key_id: string }[]>(
      `SELECT digest_key_id FROM api_key WHERE key_hash = 'made-before'`,
    );
    expect(rows).toEqual([{ digest_key_id: 'legacy' }]);
    await expect(
      dataSource.query(`INSERT INTO api_key (user_id, name, key_hash) VALUES ($1, '对接', 'made-after')`, [user.id]),
    ).rejects.toThrow(/digest_key_id/);
  });

  it('gives rules stored before the grants ledger the conditions and terms their agreements printed', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    for (let i = MIGRATIONS.indexOf(GrantRules1764316800000); i < MIGRATIONS.length; i += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const [user] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO app_user (role, login, display_name, password_hash)
       VALUES ('office', 'rules-' || gen_random_uuid(), '西南街道党工委 办公室', 'x') RETURNING id`,
    );
    const tranches = [
      { labelZh: '签约后拨付', labelEn: 'On signing', percent: 40 },
      { labelZh: '中期评估合格后拨付', labelEn: 'Mid-term', percent: 40 },
      { labelZh: '结项评估合格后拨付', labelEn: 'Final', percent: 20 },
    ];
    const [competition] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO competition (title, state, pool_fen, rules, grantor, submission_deadline, created_by, version)
       VALUES ('2025年社区微创投', 'awarded', 100000, $1, '{}', now(), $2, 1) RETURNING id`,
      [JSON.stringify({ tranches, publicityDays: 7 }), user.id],
    );
    await dataSource.runMigrations({ transaction: 'each' });
    const [{ rules }] = await dataSource.query<{ rules: Record<string, unknown> }[]>(
      `SELECT rules FROM competition WHERE id = $1`,
      [competition.id],
    );
    // Later migrations add their own sections; these are the ones this backfill owes.
    expect(rules).toMatchObject({
      publicityDays: 7,
      tranches: [
        { ...tranches[0], condition: { kind: 'on-signing' } },
        { ...tranches[1], condition: { kind: 'evaluation-passed', stage: 'mid' } },
        { ...tranches[2], condition: { kind: 'evaluation-passed', stage: 'final' } },
      ],
      grants: {
        agreementLocales: ['zh'],
        reports: { monthly: true, monthlyDueDay: 10, midTerm: true, final: true, finalDueDays: 30 },
        refundDays: 30,
      },
    });
  });

  it('gives rules stored before supervision a three-year sanction and no monthly checks, and keeps a term already there', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    for (let i = MIGRATIONS.indexOf(TerminationProposals1764576000000); i < MIGRATIONS.length; i += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const [user] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO app_user (role, login, display_name, password_hash)
       VALUES ('office', 'supervision-' || gen_random_uuid(), '辛店街道 办公室', 'x') RETURNING id`,
    );
    const insert = (rules: object) =>
      dataSource.query<{ id: string }[]>(
        `INSERT INTO competition (title, state, pool_fen, rules, grantor, submission_deadline, created_by, version)
         VALUES ('辛店创投', 'in-progress', 100000, $1, '{}', now(), $2, 1) RETURNING id`,
        [JSON.stringify(rules), user.id],
      );
    const [before] = await insert({ publicityDays: 7 });
    const [kept] = await insert({ publicityDays: 7, supervision: { sanctionYears: 2 } });
    await dataSource.runMigrations({ transaction: 'each' });
    const supervisionOf = async (id: string) =>
      (
        await dataSource.query<{ s: unknown }[]>(`SELECT rules -> 'supervision' AS s FROM competition WHERE id = $1`, [
          id,
        ])
      )[0].s;
    const since = {
      monthlyChecks: null,
      eligibility: {
        noActiveSanction: true,
        noOverdueReport: false,
        maxActiveGrants: null,
        noFailedEvaluationInLast: null,
      },
    };
    expect(await supervisionOf(before.id)).toEqual({ sanctionYears: 3, ...since });
    expect(await supervisionOf(kept.id)).toEqual({ sanctionYears: 2, ...since });
  });
});
