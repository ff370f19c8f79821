import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@app/config';
import { createApiApp } from '../src/create-api-app';
import { checkResponsesAgainstDocument } from './openapi-contract';

/**
 * The production app on the run's database and Redis (set by scripts/test.sh), ready for supertest.
 * Every response it gives is checked against its OpenAPI document (openapi-contract.ts).
 */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const app = await createApiApp(loadConfig({ ...process.env, ...overrides }));
  const contract = checkResponsesAgainstDocument(app.getHttpAdapter().getInstance());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await contract.load();
  return app;
}
