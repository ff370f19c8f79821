import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@app/config';
import { createApiApp } from '../src/create-api-app';

/** The production app on the run's database and Redis (set by scripts/test.sh), ready for supertest. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const app = await createApiApp(loadConfig({ ...process.env, ...overrides }));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
