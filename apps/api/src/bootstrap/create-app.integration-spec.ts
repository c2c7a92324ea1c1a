import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('the HTTP application', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('publishes a valid OpenAPI document at /api/docs-json and the docs UI at /api/docs', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(json.statusCode).toBe(200);
    const document = json.json();
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/health/ready']));
    // Bodies and queries are documented from the same zod schemas the validation pipe enforces.
    expect(document.components.schemas.LoginDto).toMatchObject({
      type: 'object',
      properties: { email: { type: 'string' }, password: { type: 'string' }, totp: { type: 'string' } },
      required: expect.arrayContaining(['email', 'password']),
    });
    const listParameters = document.paths['/api/v1/staff'].get.parameters as { name: string; schema?: { enum?: string[] } }[];
    expect(listParameters.find((p) => p.name === 'sort')?.schema?.enum).toEqual(['email', 'name', 'createdAt', 'lastLoginAt']);
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers an unknown route with the error shape and the request id it also sends as a header', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nowhere' });
    expect(res.statusCode).toBe(404);
    const body = res.json();
    expect(body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String), requestId: expect.any(String) });
    expect(res.headers['x-request-id']).toBe(body.requestId);
  });

  it('keeps a well-formed request id from the proxy in front', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'lb-0123456789abcdef' } });
    expect(res.headers['x-request-id']).toBe('lb-0123456789abcdef');
    const forged = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'x\n{"level":60}' } });
    expect(forged.headers['x-request-id']).not.toContain('level');
  });

  it('refuses malformed JSON with a 400 and bodies over 1 MB with a 413', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/nowhere', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/nowhere',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ a: 'x'.repeat(1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('sets security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('hands its log lines to a second app of the same file too (the logger is one per process)', async () => {
    const second = await createTestApp();
    try {
      await second.app.inject({ method: 'GET', url: '/api/v1/no-such-route-second-app' });
      expect(second.logs.join('\n')).toContain('/api/v1/no-such-route-second-app');
    } finally {
      await second.close();
    }
  });

  it('logs each request as JSON with its id, and never its body, query string or headers', async () => {
    const canary = 'CANARY-body-7f3a';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/nowhere?subject=CANARY-query-7f3a',
      headers: { 'content-type': 'application/json', cookie: 'sid=CANARY-cookie-7f3a' },
      payload: JSON.stringify({ body: canary }),
    });
    const requestId = res.headers['x-request-id'];
    const lines = t.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const line = lines.find((l) => l.requestId === requestId);
    expect(line).toMatchObject({ req: { method: 'POST', path: '/api/v1/nowhere' }, res: { statusCode: 404 } });
    expect(t.logs.join('\n')).not.toContain('CANARY');
  });
});
