import { createDatabase, dropDatabase, uniqueDatabaseName } from '../../test/test-database';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('answers liveness without touching anything', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database answers and every migration is applied', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, migrations: { status: 'up' } } });
  });

  it('is not ready on a database whose migrations were not applied', async () => {
    const serverUrl = process.env.VIGIE_TEST_SERVER_URL ?? '';
    const name = uniqueDatabaseName('vigie_unmigrated');
    const url = await createDatabase(serverUrl, name);
    const unmigrated = await createTestApp({ databaseUrl: url });
    try {
      const res = await unmigrated.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Not ready: migrations down',
        details: { database: { status: 'up' }, migrations: { status: 'down', pending: true } },
      });
    } finally {
      await unmigrated.close();
      await dropDatabase(serverUrl, name);
    }
  });
});
