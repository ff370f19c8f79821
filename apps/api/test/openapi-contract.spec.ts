import Fastify, { FastifyInstance } from 'fastify';
import { checkResponsesAgainstDocument, contractViolations } from './openapi-contract';

const json = (ref: string) => ({
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});

/** A small document of the same form the API publishes: one JSON route, one file route. */
const DOCUMENT = {
  openapi: '3.1.0',
  paths: {
    '/grants/{id}': { get: { responses: { 200: json('GrantDto'), 404: json('ErrorResponseDto') } } },
    '/grants/{id}/pdf': {
      get: { responses: { 200: { content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } } },
    },
  },
  components: {
    schemas: {
      GrantDto: {
        type: 'object',
        required: ['id', 'grantFen', 'signedAt'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          grantFen: { type: 'integer' },
          signedAt: { type: ['string', 'null'], format: 'date-time' },
        },
      },
      ErrorResponseDto: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
    },
  },
};

const GRANT = { id: '6f1c2b7e-3d4a-4f5b-9c8d-1e2f3a4b5c6d', grantFen: 2_800_000, signedAt: null };

/** What each id makes the route answer: the document allows some of these answers and not others. */
const ANSWERS: Record<string, { status: number; body: unknown }> = {
  documented: { status: 200, body: GRANT },
  refused: { status: 404, body: { code: 'NOT_FOUND' } },
  'fractional-fen': { status: 200, body: { ...GRANT, grantFen: 2_800_000.5 } },
  'extra-field': { status: 200, body: { ...GRANT, applicantPhone: '0757-87712345' } },
  'undocumented-status': { status: 409, body: { code: 'CONFLICT' } },
};

describe('the check of responses against the OpenAPI document', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    const contract = checkResponsesAgainstDocument(app);
    app.get('/api/openapi.json', (_request, reply) => reply.send(DOCUMENT));
    app.get<{ Params: { id: string } }>('/grants/:id', async (request, reply) => {
      const answer = ANSWERS[request.params.id];
      return reply.status(answer.status).send(answer.body);
    });
    app.get('/grants/:id/pdf', async (_request, reply) => reply.type('text/csv').send('名次,社区\n'));
    app.get('/grants', (_request, reply) => reply.send([GRANT]));
    await app.ready();
    await contract.load();
  });

  afterAll(async () => {
    await app.close();
  });

  async function violationsOf(url: string): Promise<string[]> {
    const before = contractViolations().length;
    await app.inject({ method: 'GET', url });
    return contractViolations().slice(before);
  }

  it('passes a documented body, with null where the schema allows it, and a documented refusal', async () => {
    expect(await violationsOf('/grants/documented')).toEqual([]);
    expect(await violationsOf('/grants/refused')).toEqual([]);
  });

  it('flags a fractional amount where the document says integer', async () => {
    expect(await violationsOf('/grants/fractional-fen')).toEqual([
      'GET /grants/{id} → 200: body.grantFen must be integer',
    ]);
  });

  it('flags a field the document does not name', async () => {
    expect(await violationsOf('/grants/extra-field')).toEqual([
      'GET /grants/{id} → 200: body must NOT have additional properties (applicantPhone)',
    ]);
  });

  it('flags a status the route does not document', async () => {
    expect(await violationsOf('/grants/undocumented-status')).toEqual([
      'GET /grants/{id} → 409: status not documented',
    ]);
  });

  it('flags a content type the status does not document', async () => {
    expect(await violationsOf('/grants/documented/pdf')).toEqual([
      'GET /grants/{id}/pdf → 200: sent text/csv, documented application/pdf',
    ]);
  });

  it('flags a route the API serves but the document leaves out', async () => {
    expect(await violationsOf('/grants')).toEqual(['GET /grants: served but not in the document']);
  });
});
