import { loadConfig } from '@app/config';
import { createDataSource } from './data-source';

/** Sockets this process holds open: what would keep a stopping process alive. */
const openSockets = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;

describe('closing the data source (real Postgres)', () => {
  it('has closed every connection of the pool once destroy() resolves, so a stopping process can exit', async () => {
    const before = openSockets();
    const dataSource = await createDataSource({ ...loadConfig().database, poolSize: 4 }).initialize();
    // Four queries at once make the pool open four connections.
    await Promise.all([1, 2, 3, 4].map(() => dataSource.query('SELECT pg_sleep(0.05)')));
    expect(openSockets()).toBeGreaterThanOrEqual(before + 4);

    await dataSource.destroy();

    expect(openSockets()).toBe(before);
  });
});
