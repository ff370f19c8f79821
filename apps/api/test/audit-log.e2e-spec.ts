import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEFAULT_TENANT_ID, Role } from '@app/domain';
import { AppUser, AuditRepository } from '@app/persistence';
import { TokenService } from '../src/auth/token.service';
import { verifyAuditExport } from '../src/cli/audit-verify.command';
import { createUser } from './factories';
import { serveApp } from './test-app';

/** Reads a CSV download as text (supertest buffers text/csv as a string). */
function csvText(response: request.Response): string {
  return response.text;
}

interface Row {
  readonly id: string;
  readonly tenantId: string | null;
  readonly after: { readonly state: string };
}

function rowsOf(response: request.Response): Row[] {
  return (response.body as { items: Row[] }).items;
}

describe('the audit log: reading, filtering, exporting and verifying', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());
  let otherOffice: string;
  let tokens: { office: string; other: string; admin: string };
  let audit: AuditRepository;

  beforeAll(async () => {
    audit = served.app.get(AuditRepository);
    [{ id: otherOffice }] = await served.db.query<{ id: string }[]>(
      `INSERT INTO tenant (kind, name, name_en) VALUES ('street', '江东街道办事处', 'Jiangdong street office') RETURNING id`,
    );
    const issue = served.app.get(TokenService);
    const office = await createUser(served.db, Role.Office);
    const other = await createUser(served.db, Role.Office);
    await served.db.getRepository(AppUser).update(other.id, { tenantId: otherOffice });
    const admin = await createUser(served.db, Role.Admin);
    tokens = {
      office: issue.issue({ kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }).token,
      other: issue.issue({ kind: 'user', userId: other.id, role: Role.Office, tenantId: otherOffice }).token,
      admin: issue.issue({ kind: 'user', userId: admin.id, role: Role.Admin }).token,
    };
  });

  /** Three acts on one competition of each office, oldest first. */
  async function actsOnBothOffices(): Promise<string> {
    const subjectId = randomUUID();
    for (const [tenantId, state] of [
      [DEFAULT_TENANT_ID, 'open'],
      [otherOffice, 'open'],
      [DEFAULT_TENANT_ID, 'closed'],
      [DEFAULT_TENANT_ID, 'screening'],
    ] as const) {
      await audit.record({
        actorType: 'office',
        actorId: 'clerk',
        action: 'competition.transition',
        subjectType: 'competition',
        subjectId,
        after: { state, note: '="1+1", 第一行\n第二行' },
        tenantId,
      });
    }
    return subjectId;
  }

  it('shows an office only its own rows, newest first, and an administrator every office’s', async () => {
    const subjectId = await actsOnBothOffices();
    const query = { subjectType: 'competition', subjectId };
    const mine = await api()
      .get('/audit-events')
      .query(query)
      .set('Authorization', `Bearer ${tokens.office}`)
      .expect(200);
    expect(rowsOf(mine).map((row) => row.after.state)).toEqual(['screening', 'closed', 'open']);
    expect(mine.body.items[0]).toMatchObject({
      tenantId: DEFAULT_TENANT_ID,
      action: 'competition.transition',
      actorType: 'office',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const theirs = await api()
      .get('/audit-events')
      .query(query)
      .set('Authorization', `Bearer ${tokens.other}`)
      .expect(200);
    expect(rowsOf(theirs).map((row) => row.tenantId)).toEqual([otherOffice]);
    const all = await api()
      .get('/audit-events')
      .query(query)
      .set('Authorization', `Bearer ${tokens.admin}`)
      .expect(200);
    expect(all.body.items).toHaveLength(4);
    const one = await api()
      .get('/audit-events')
      .query({ ...query, tenantId: otherOffice })
      .set('Authorization', `Bearer ${tokens.admin}`)
      .expect(200);
    expect(one.body.items).toHaveLength(1);
  });

  it('reads another office’s log as missing', async () => {
    const response = await api()
      .get('/audit-events')
      .query({ tenantId: otherOffice })
      .set('Authorization', `Bearer ${tokens.office}`)
      .expect(404);
    expect(response.body).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'AUDIT_TENANT_NOT_FOUND',
      field: 'query.tenantId',
    });
    await api()
      .get('/audit-events.csv')
      .query({ tenantId: otherOffice })
      .set('Authorization', `Bearer ${tokens.office}`)
      .expect(404);
  });

  it('pages by cursor until no older row is left', async () => {
    const subjectId = await actsOnBothOffices();
    const query = { subjectType: 'competition', subjectId, pageSize: 2 };
    const first = await api()
      .get('/audit-events')
      .query(query)
      .set('Authorization', `Bearer ${tokens.office}`)
      .expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextBefore).toBe(first.body.items[1].id);
    const second = await api()
      .get('/audit-events')
      .query({ ...query, before: first.body.nextBefore })
      .set('Authorization', `Bearer ${tokens.office}`)
      .expect(200);
    expect(rowsOf(second).map((row) => row.after.state)).toEqual(['open']);
    expect(second.body.nextBefore).toBeNull();
  });

  it.each([
    [{ from: '2026-04-01T00:00:00+08:00', to: '2026-03-01T00:00:00+08:00' }, 'query.to', 'AUDIT_TIME_RANGE_REVERSED'],
    [{ subjectId: 'x' }, 'query.subjectType', 'AUDIT_SUBJECT_ID_WITHOUT_TYPE'],
    [{ from: '2026-04-01' }, 'from', 'VALIDATION_FAILED'],
    [{ actorType: 'visitor' }, 'actorType', 'VALIDATION_FAILED'],
    [{ before: 'abc' }, 'before', 'VALIDATION_FAILED'],
    [{ tenantId: 'office-1' }, 'tenantId', 'VALIDATION_FAILED'],
  ])('refuses the filter %j naming %s in both languages', async (query, field, reason) => {
    const response = await api()
      .get('/audit-events')
      .query(query)
      .set('Authorization', `Bearer ${tokens.admin}`)
      .expect(400);
    expect(response.body).toMatchObject({ reason, message_zh: expect.any(String), message_en: expect.any(String) });
    expect(JSON.stringify(response.body)).toContain(field);
  });

  it('exports an office’s chain that the verify command accepts, ending at the chain’s head', async () => {
    await actsOnBothOffices();
    const response = await api().get('/audit-events.csv').set('Authorization', `Bearer ${tokens.other}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment/);
    const text = csvText(response);
    expect(text.startsWith('\uFEFFid,occurred_at,tenant_id,')).toBe(true);
    const [head] = await served.db.query<{ last_seq: string; last_hash: string }[]>(
      `SELECT last_seq::text, last_hash FROM audit_chain_head WHERE tenant_id = $1`,
      [otherOffice],
    );
    const outcome = verifyAuditExport(text);
    expect(outcome).toMatchObject({ exitCode: 0 });
    expect(outcome.text).toContain(`office ${otherOffice}: ${head.last_seq} 条 / rows, 自链首`);
    expect(outcome.text).toContain(`head ${head.last_hash}`);
    expect(text).not.toContain(DEFAULT_TENANT_ID);
  });

  it('has the verify command name the row changed in a real export', async () => {
    const subjectId = await actsOnBothOffices();
    const response = await api()
      .get('/audit-events.csv')
      .query({ tenantId: DEFAULT_TENANT_ID })
      .set('Authorization', `Bearer ${tokens.admin}`)
      .expect(200);
    const text = csvText(response);
    const line = text.split('\r\n').find((row) => row.includes(subjectId) && row.includes('closed')) as string;
    const outcome = verifyAuditExport(text.replace(line, line.replace('closed', 'ranked')));
    expect(outcome.exitCode).toBe(1);
    expect(outcome.text).toContain(`row ${line.split(',')[0]}: its content does not match its hash`);
  });
});
