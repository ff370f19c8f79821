import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DomainErrorCode, JudgeGroup, Role } from '@app/domain';
import { statusOf } from '../src/common/domain-error.filter';
import { createUser } from './factories';
import { MalformedRequest, OpenApiDocument, Schema, malformedRequests } from './malformed-requests';
import { AllocatedFixture, allocatedCompetition, bearerOf } from './publicity.factory';
import { addJudge, bearer, createRoadshow, roadshowCompetition } from './roadshow.factory';
import { tableState, tablesWritten } from './table-state';
import { startTestApp } from './test-app';

/**
 * Every operation of the API's own OpenAPI document × every kind of caller × seeded malformed
 * variants (see malformed-requests.ts), each one a request that must be refused: a 4xx, in the
 * documented error shape, with the security headers, and nothing written to any table.
 */
const SEED = 'gongyi-malformed-2026';
/** Body-field mutations sampled per operation and caller; the other variants are all sent. */
const FIELD_SAMPLE = 60;
const CALLERS = ['anonymous', Role.Office, Role.Admin, Role.Applicant, Role.Judge] as const;
type Caller = (typeof CALLERS)[number];

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function send(port: number, variant: MalformedRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: variant.method,
        path: variant.url,
        headers: { ...variant.headers, ...(variant.body ? { 'content-length': variant.body.length } : {}) },
        timeout: 15_000,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 15 s')));
    outgoing.on('error', reject);
    outgoing.end(variant.body);
  });
}

/** The documented error body, read from the same OpenAPI document: which keys, of which types. */
function shapeProblems(document: OpenApiDocument, body: unknown, schemaName = 'ErrorResponseDto'): string[] {
  const schema = document.components.schemas[schemaName];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return ['not a JSON object'];
  const record = body as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(record)) {
    if (!schema.properties?.[key]) problems.push(`undocumented key ${key}`);
  }
  for (const key of schema.required ?? []) {
    if (record[key] === undefined) problems.push(`missing ${key}`);
  }
  for (const [key, property] of Object.entries<Schema>(schema.properties ?? {})) {
    const value = record[key];
    if (value === undefined) continue;
    if (property.type === 'string' && (typeof value !== 'string' || value === '')) problems.push(`${key} not a text`);
    if (property.type === 'number' && !Number.isSafeInteger(value)) problems.push(`${key} not a count`);
    if (property.type === 'array') {
      const itemName = property.items?.$ref?.split('/').at(-1) as string;
      if (!Array.isArray(value)) problems.push(`${key} not a list`);
      else
        value.forEach((item, i) =>
          problems.push(...shapeProblems(document, item, itemName).map((p) => `${key}.${i}: ${p}`)),
        );
    }
  }
  return problems;
}

function isDomainCode(code: unknown): code is DomainErrorCode {
  return (Object.values(DomainErrorCode) as unknown[]).includes(code);
}

describe('malformed input on every route, for every caller', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let port: number;
  let document: OpenApiDocument;
  const auth = new Map<Caller, string>();
  const ids = new Map<string, string>();
  const totals = { sent: 0, serverErrors: 0, accepted: 0, shapeViolations: 0, tablesWritten: 0 };

  beforeAll(async () => {
    app = await startTestApp({ QUEUE_PREFIX: `malformed-${randomUUID().slice(0, 8)}` });
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    db = app.get(DataSource);
    const http = () => request(app.getHttpServer());

    // A roadshow with drawn slots, a judge and a recusal; a ranked competition with its notice
    // period running and an objection; an API key: real ids, so that a check missing at the edge
    // would let the malformed value reach a service and the database.
    const roadshowFixture = await roadshowCompetition(app, 3);
    const office = bearer(roadshowFixture.officeToken);
    const roadshowId = await createRoadshow(app, roadshowFixture);
    const judge = await addJudge(app, roadshowFixture.officeToken, roadshowId, {
      name: '周建明',
      group: JudgeGroup.Media,
    });
    const drawn = await http()
      .post(`/roadshows/${roadshowId}/draw`)
      .set(office)
      .send({ seed: 'malformed' })
      .expect(200);
    const slots = drawn.body.slots as { slotId: string; submissionId: string }[];
    const recusal = await http()
      .post(`/roadshows/${roadshowId}/recusals`)
      .set(office)
      .send({ judgeId: judge.id, submissionId: slots[1].submissionId, reason: '评委曾担任该项目顾问' })
      .expect(201);
    const ranked: AllocatedFixture = await allocatedCompetition(app, roadshowFixture.officeId, [3_000_000, 2_000_000]);
    const publication = await http().post(`/competitions/${ranked.competition.id}/publication`).set(office).expect(201);
    const objector = ranked.projects.at(-1) as AllocatedFixture['projects'][number];
    const objection = await http()
      .post(`/publications/${publication.body.id}/objections`)
      .set('authorization', objector.applicantAuth)
      .send({ submissionId: objector.submission.id, reason: '请核对第 3 号评委的评分记录。' })
      .expect(201);
    const apiKey = await http().post('/auth/api-keys').set(office).send({ name: '区民政局数据对接' }).expect(201);
    const admin = await createUser(db, Role.Admin);

    auth.set(Role.Office, office.Authorization);
    auth.set(Role.Admin, bearerOf(app, { kind: 'user', userId: admin.id, role: Role.Admin }));
    auth.set(Role.Applicant, ranked.projects[0].applicantAuth);
    auth.set(Role.Judge, `Bearer ${judge.token}`);
    ids.set('competition', ranked.competition.id);
    ids.set('roadshow-competition', roadshowFixture.competition.id);
    ids.set('submission', ranked.projects[0].submission.id);
    ids.set('organization', ranked.projects[0].organization.id);
    ids.set('roadshow', roadshowId);
    ids.set('slot', slots[0].slotId);
    ids.set('recusal', recusal.body.id as string);
    ids.set('run', ranked.run.id);
    ids.set('publication', publication.body.id as string);
    ids.set('objection', objection.body.id as string);
    ids.set('api-key', apiKey.body.id as string);

    document = (await http().get('/api/openapi.json').expect(200)).body as OpenApiDocument;
  });

  afterAll(async () => {
    process.stdout.write(
      `malformed input: ${totals.sent} requests sent, ${totals.serverErrors} 5xx, ${totals.accepted} accepted, ` +
        `${totals.shapeViolations} shape violations, ${totals.tablesWritten} tables written\n`,
    );
    agent.destroy();
    await app.close();
  });

  /** The id a path parameter takes: the resource the path names, or one that exists nowhere (agreements). */
  function idFor(template: string, parameter: string): string {
    if (parameter === 'slotId') return ids.get('slot') as string;
    if (parameter === 'recusalId') return ids.get('recusal') as string;
    const resource = template.split('/')[1];
    const byResource: Record<string, string> = {
      competitions: template.includes('/roadshow') ? 'roadshow-competition' : 'competition',
      submissions: 'submission',
      organizations: 'organization',
      roadshows: 'roadshow',
      runs: 'run',
      publications: 'publication',
      objections: 'objection',
      auth: 'api-key',
    };
    return ids.get(byResource[resource]) ?? randomUUID();
  }

  it.each(CALLERS)(
    'refuses every malformed request as %s: a 4xx in the documented shape, nothing written',
    async (caller) => {
      const variants = Object.entries(document.paths).flatMap(([template, operations]) =>
        Object.entries(operations).flatMap(([method, operation]) =>
          malformedRequests(
            document,
            method,
            template,
            operation,
            { idFor, auth: auth.get(caller) },
            `${SEED}:${caller}`,
            FIELD_SAMPLE,
          ).map((variant) => ({ ...variant, label: `${variant.method} ${template} (${variant.label})` })),
        ),
      );
      const before = await tableState(db);
      const serverErrors: string[] = [];
      const accepted: string[] = [];
      const shapeViolations: string[] = [];
      for (const variant of variants) {
        const answer = await send(port, variant);
        const seen = `${variant.label} → ${answer.status}`;
        if (answer.status >= 500) serverErrors.push(`${seen} ${answer.text.slice(0, 200)}`);
        if (answer.status < 400) {
          accepted.push(seen);
          continue;
        }
        let body: unknown;
        try {
          body = JSON.parse(answer.text);
        } catch {
          body = answer.text.slice(0, 80);
        }
        const problems = shapeProblems(document, body);
        const { code, details } = (body ?? {}) as { code?: unknown; details?: unknown[] };
        if (!String(answer.headers['content-type']).startsWith('application/json')) problems.push('not JSON');
        if (answer.headers['x-content-type-options'] !== 'nosniff') problems.push('no X-Content-Type-Options');
        if (isDomainCode(code) && statusOf(code) !== answer.status)
          problems.push(`${code} with status ${answer.status}`);
        if ((details?.length ?? 0) > 20 || answer.text.length > 16_384) problems.push(`${answer.text.length} bytes`);
        if (problems.length > 0) shapeViolations.push(`${seen}: ${problems.join(', ')}`);
      }
      const written = tablesWritten(before, await tableState(db));

      totals.sent += variants.length;
      totals.serverErrors += serverErrors.length;
      totals.accepted += accepted.length;
      totals.shapeViolations += shapeViolations.length;
      totals.tablesWritten += written.length;
      expect(variants.length).toBeGreaterThan(500);
      expect(serverErrors).toEqual([]);
      expect(accepted).toEqual([]);
      expect(shapeViolations).toEqual([]);
      expect(written).toEqual([]);
    },
    300_000,
  );
});
