import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createDataSource } from '../data-source';
import { DEFAULT_TENANT_ID } from '@app/domain';
import { runInTenantScope } from '../tenancy/tenant-scope';
import { verifyAuditChains } from './audit-chain';
import { AuditEvent } from './audit-event.entity';
import { AuditRepository } from './audit.repository';

describe('audit log (real Postgres)', () => {
  let dataSource: DataSource;
  let audit: AuditRepository;

  beforeAll(async () => {
    dataSource = await createDataSource(loadConfig().database).initialize();
    audit = new AuditRepository(dataSource.getRepository(AuditEvent));
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('keeps who did what to which subject, with before and after, in order', async () => {
    const subjectId = `c-${Date.now()}`;
    await audit.record({
      actorType: 'office',
      actorId: 'office-1',
      action: 'competition.transition',
      subjectType: 'competition',
      subjectId,
      before: { state: 'draft' },
      after: { state: 'open' },
    });
    await audit.record({
      actorType: 'system',
      action: 'competition.transition',
      subjectType: 'competition',
      subjectId,
    });

    const events = await audit.forSubject('competition', subjectId);
    expect(events.map((e) => [e.actorType, e.before, e.after])).toEqual([
      ['office', { state: 'draft' }, { state: 'open' }],
      ['system', null, null],
    ]);
    expect(events[0].occurredAt).toBeInstanceOf(Date);
  });

  it('refuses to change or delete a recorded event, even by raw SQL', async () => {
    const event = await audit.record({
      actorType: 'judge',
      action: 'score.submit',
      subjectType: 'score',
      subjectId: 's-1',
    });
    await expect(dataSource.query(`UPDATE audit_event SET action = 'x' WHERE id = $1`, [event.id])).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(dataSource.query(`DELETE FROM audit_event WHERE id = $1`, [event.id])).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only|permission denied/);
  });

  it('rolls the audit row back with the change it belongs to', async () => {
    const subjectId = `rollback-${Date.now()}`;
    await expect(
      dataSource.transaction(async (manager) => {
        await audit.record(
          { actorType: 'office', action: 'screening.decide', subjectType: 'submission', subjectId },
          manager,
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await audit.forSubject('submission', subjectId)).toEqual([]);
  });

  it('refuses an unknown actor type', async () => {
    await expect(
      dataSource.query(
        `INSERT INTO audit_event (actor_type, action, subject_type, subject_id) VALUES ('visitor', 'x', 'y', 'z')`,
      ),
    ).rejects.toThrow(/actor_type/);
  });

  it('hashes each row over the canonical text the export and the verifier recompute', async () => {
    const subjectId = `chain-${Date.now()}`;
    await audit.record({
      actorType: 'office',
      actorId: 'office-1',
      action: 'competition.update',
      subjectType: 'competition',
      subjectId,
      before: { title: '第一行\n第二行', poolFen: -5, note: 'a\\b' },
      after: { title: '="1+1"' },
      requestId: 'req-1',
      tenantId: DEFAULT_TENANT_ID,
    });
    await audit.record({ actorType: 'system', action: 'x', subjectType: 'competition', subjectId, actorId: '' });
    const all = await audit.read({}, 'asc', 1_000_000);
    expect(all.filter((row) => row.subjectId === subjectId)).toHaveLength(2);
    expect(verifyAuditChains(all)).toMatchObject({ ok: true });
  });

  it('puts a row in the chain of the office in scope, or else of the transaction’s app.tenant_id', async () => {
    const subjectId = `tenant-${Date.now()}`;
    await runInTenantScope({ tenantId: DEFAULT_TENANT_ID, visible: [DEFAULT_TENANT_ID] }, () =>
      audit.record({ actorType: 'office', action: 'a', subjectType: 'competition', subjectId }),
    );
    await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [DEFAULT_TENANT_ID]);
      await manager.query(
        `INSERT INTO audit_event (actor_type, action, subject_type, subject_id) VALUES ('judge', 'b', 'score', $1)`,
        [subjectId],
      );
    });
    await audit.record({ actorType: 'admin', action: 'c', subjectType: 'competition', subjectId });
    const rows = await audit.read({ subjectId }, 'asc', 10);
    expect(rows.map((row) => [row.action, row.tenantId])).toEqual([
      ['a', DEFAULT_TENANT_ID],
      ['b', DEFAULT_TENANT_ID],
      ['c', null],
    ]);
  });

  it('keeps one chain when many writers of one office append at once', async () => {
    const subjectId = `race-${Date.now()}`;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        dataSource.transaction((manager) =>
          audit.record(
            {
              actorType: 'judge',
              action: 'score.submit',
              subjectType: 'score',
              subjectId,
              after: { i },
              tenantId: DEFAULT_TENANT_ID,
            },
            manager,
          ),
        ),
      ),
    );
    const chain = await audit.read({ tenantId: DEFAULT_TENANT_ID }, 'asc', 100_000);
    expect(verifyAuditChains(chain)).toMatchObject({ ok: true });
    expect(chain.filter((row) => row.subjectId === subjectId)).toHaveLength(20);
  });

  it('ignores a hash a writer tries to set, and refuses to set one afterwards', async () => {
    const subjectId = `forged-${Date.now()}`;
    const [{ id }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO audit_event (actor_type, action, subject_type, subject_id, chain_seq, prev_hash, hash)
       VALUES ('system', 'forge', 'competition', $1, 1, repeat('0', 64), repeat('0', 64)) RETURNING id`,
      [subjectId],
    );
    const [row] = await audit.read({ subjectId }, 'asc', 1);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.hash).not.toBe('0'.repeat(64));
    await expect(dataSource.query(`UPDATE audit_event SET hash = repeat('1', 64) WHERE id = $1`, [id])).rejects.toThrow(
      // The application role may not update the log at all; the owner is stopped by the trigger.
      /append-only|permission denied/,
    );
  });

  it('lets another writer of the same office commit while a transaction with an audit row is still open', async () => {
    const subjectId = `open-${Date.now()}`;
    const open = dataSource.createQueryRunner();
    await open.connect();
    await open.startTransaction();
    try {
      await audit.record(
        { actorType: 'office', action: 'first', subjectType: 'competition', subjectId, tenantId: DEFAULT_TENANT_ID },
        open.manager,
      );
      await audit.record({
        actorType: 'office',
        action: 'second',
        subjectType: 'competition',
        subjectId,
        tenantId: DEFAULT_TENANT_ID,
      });
      await open.commitTransaction();
    } finally {
      await open.release();
    }
    const rows = await audit.read({ subjectId }, 'asc', 10);
    expect(rows.map((row) => row.action)).toEqual(['first', 'second']);
    expect(BigInt(rows[0].chainSeq)).toBeGreaterThan(BigInt(rows[1].chainSeq));
    expect(verifyAuditChains(await audit.read({}, 'asc', 1_000_000))).toMatchObject({ ok: true });
  });
});
