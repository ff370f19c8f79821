import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
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

/** What an HTTP test file works with: the app and its database. */
export interface ServedApp {
  readonly app: NestFastifyApplication;
  readonly db: DataSource;
}

/**
 * Registers the file's hooks: the app started (with `overrides` of the environment) before its tests
 * and closed after them. The returned object is filled in before the first test runs.
 */
export function serveApp(overrides: Record<string, string> = {}): ServedApp {
  const served = {} as { -readonly [K in keyof ServedApp]: ServedApp[K] };
  beforeAll(async () => {
    const app = await startTestApp(overrides);
    Object.assign(served, { app, db: app.get(DataSource) });
  });
  afterAll(async () => {
    await served.app?.close();
  });
  return served;
}
