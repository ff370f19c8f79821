import Fastify from 'fastify';
import { loadConfig } from '@app/config';
import { Vote, dataSourceOptions, scopedDataSource } from '@app/persistence';
import { VotesRepository } from '../src/votes/votes.repository';

/** A vote row as the API wrote it, sent as JSON (dates as ISO text). */
export type BareVote = Omit<Vote, 'id' | 'castAt'> & { readonly castAt: string };

/**
 * The ceiling for bench:votes: a Fastify handler inserting the same vote row with the product's
 * own insert statement, and nothing else: no Nest application, no validation, no voter token, no
 * reading of the voter's votes, no limits, no anti-fraud counts. Its pool is the API process's.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await scopedDataSource(dataSourceOptions(config.database)).initialize();
  const votes = new VotesRepository(dataSource);
  const app = Fastify({ logger: false, bodyLimit: config.api.bodyLimitBytes });
  app.get('/health', () => ({ status: 'ok' }));
  app.post<{ Body: BareVote }>('/bare/votes', async (request, reply) => {
    const [voteId] = await votes.insertVotes([{ ...request.body, castAt: new Date(request.body.castAt) }]);
    if (voteId === null) return reply.code(409).send({ code: 'CONFLICT' });
    return reply.code(201).send({ voteId });
  });
  await app.listen({ port: config.api.port, host: '127.0.0.1' });
  const stop = (): void => {
    void app.close().then(() => dataSource.destroy());
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
