import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startTestApp } from './test-app';

describe('GET /vocabulary.js', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves the pages an ES module of the vocabulary that a browser accepts as a module script', async () => {
    const response = await request(app.getHttpServer()).get('/vocabulary.js').expect(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toContain('export const SLOT_STATE_LABELS = {"waiting":{"zh":"等待上台","en":"Waiting"}');
    expect(response.text).toContain('export const MARK_DECIMALS = 2;');
  });

  it('answers a revalidation with its ETag by 304 and no body, and anything else in full', async () => {
    const first = await request(app.getHttpServer()).get('/vocabulary.js').expect(200);
    const etag = first.headers.etag;
    const again = await request(app.getHttpServer()).get('/vocabulary.js').set('If-None-Match', etag).expect(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(etag);
    const stale = await request(app.getHttpServer()).get('/vocabulary.js').set('If-None-Match', '"stale"').expect(200);
    expect(stale.text).toBe(first.text);
  });

  it('is documented in the OpenAPI document as a public JavaScript route', async () => {
    const document = await request(app.getHttpServer()).get('/api/openapi.json').expect(200);
    const operation = document.body.paths['/vocabulary.js'].get;
    expect(Object.keys(operation.responses['200'].content)).toEqual(['text/javascript']);
    expect(operation.security).toBeUndefined();
  });
});
