import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createDataSource } from '../data-source';
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
});
