import Fastify from 'fastify';
import { Pool } from 'pg';
import { loadConfig } from '@app/config';

/**
 * The ceiling for bench:api: the same Postgres upsert of a judge's score with nothing around it
 * (no Nest, no validation, no auth, no audit, no revision history, no live event).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const pool = new Pool({ connectionString: config.database.url, max: config.database.poolSize });
  const app = Fastify({ logger: false, bodyLimit: config.api.bodyLimitBytes });
  app.put<{
    Params: { slotId: string; judgeId: string };
    Body: { criteria: Record<string, string>; submissionId: string };
  }>('/bare/:slotId/:judgeId', async (request) => {
    const { rows } = await pool.query<{ revision: number }>(
      `INSERT INTO score (slot_id, judge_id, submission_id, criteria, gates, total, comment, revision)
         VALUES ($1, $2, $3, $4, '{}', '0', NULL, 1)
         ON CONFLICT (slot_id, judge_id) DO UPDATE
           SET criteria = EXCLUDED.criteria, revision = score.revision + 1, updated_at = now()
         RETURNING revision`,
      [request.params.slotId, request.params.judgeId, request.body.submissionId, JSON.stringify(request.body.criteria)],
    );
    return { revision: rows[0].revision };
  });
  await app.listen({ port: config.api.port, host: '127.0.0.1' });
  const stop = (): void => {
    void app.close().then(() => pool.end());
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
