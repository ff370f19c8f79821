import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startTestApp } from './test-app';

describe('errors and API documentation', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp({ API_BODY_LIMIT_BYTES: '2048' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers an unknown route with a bilingual 404', async () => {
    const response = await request(app.getHttpServer()).get('/no-such-thing').expect(404);
    expect(response.body).toEqual({
      code: 'NOT_FOUND',
      reason: 'NOT_FOUND',
      message_zh: '未找到',
      message_en: 'not found',
    });
  });

  it('answers malformed JSON with a bilingual 400', async () => {
    const response = await request(app.getHttpServer())
      .post('/health')
      .set('content-type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', message_zh: expect.stringContaining('请求无效') });
  });

  it('refuses a body over the configured limit with 413', async () => {
    const response = await request(app.getHttpServer())
      .post('/health')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ title: '社区'.repeat(2000) }))
      .expect(413);
    expect(response.body).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      reason: 'PAYLOAD_TOO_LARGE',
      message_zh: '请求体过大',
      message_en: 'request body too large',
    });
  });

  it('publishes the OpenAPI document with the health route and the error shape', async () => {
    const response = await request(app.getHttpServer()).get('/api/openapi.json').expect(200);
    expect(response.body.info.title).toContain('公益创投');
    expect(response.body.paths['/health'].get.responses).toHaveProperty('503');
  });

  it('serves the interactive documentation page', async () => {
    const response = await request(app.getHttpServer()).get('/api/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger');
  });
});
