import type { AccessGrant } from '@vigie/contracts';
import { ManualClock } from './clock';
import { requestIdFor } from './request-id';
import { aReportedCase, claim, JUSTIFICATION } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The request id reaches the access register, the logs and the answer: a client (or anyone in
 * front of the proxy) chooses `X-Request-Id`, so only a well-formed one is kept.
 */
describe('X-Request-Id', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date());
  let moderator: Session;
  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' }, clock });
    moderator = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
  });
  afterAll(() => t?.close());

  /** A grant asked for with `requestId` as the header: the id its register entry and its answer carry. */
  async function grantWith(requestId: string): Promise<{ stored: string | null; answered: unknown }> {
    const { caseId, reportId } = await aReportedCase(t.app, { at: clock.now() });
    await claim(t.app, moderator, caseId);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/access`,
      headers: { ...moderator.headers(true), 'x-request-id': requestId },
      payload: { justification: JUSTIFICATION, reportIds: [reportId] },
    });
    expect(res.statusCode).toBe(201);
    const grant = res.json() as AccessGrant;
    const [entry] = await ownerQuery<{ request_id: string | null }>('SELECT request_id FROM access_log WHERE grant_id = $1', [grant.grantId]);
    return { stored: entry.request_id, answered: res.headers['x-request-id'] };
  }

  it.each([
    ['a spreadsheet formula', "=cmd|' /C calc'!A0"],
    ['a formula behind a minus sign', '-2+3+cmd|calc'],
    ['a leading minus', '-0123456789abcdef'],
    ['10 kB', 'a'.repeat(10_240)],
    ['65 characters', 'b'.repeat(65)],
    ['7 characters', 'abc1234'],
    ['a space', 'proxy id 12345678'],
    ['a tab', 'proxy\tid12345678'],
    ['a NUL', 'proxy\u0000id12345678'],
    ['non-ASCII letters', 'reqüest-12345678'],
    ['a quote and a comma', 'abc"12345,678'],
  ])('replaces %s by a fresh UUID in the register entry, the answer and the logs', async (_what, hostile) => {
    const { stored, answered } = await grantWith(hostile);
    expect(stored).toMatch(UUID);
    expect(answered).toBe(stored);
    expect(t.logs.some((line) => line.includes(stored as string))).toBe(true);
    expect(t.logs.some((line) => line.includes(hostile))).toBe(false);
  });

  it('turns an id with CR/LF into a fresh UUID (Node refuses such a header before Fastify; the rule does too)', () => {
    for (const hostile of ['abcd1234\r\nSet-Cookie: x=1', 'abcd1234\n', '\rabcd1234']) {
      expect(requestIdFor({ headers: { 'x-request-id': hostile } })).toMatch(UUID);
    }
    expect(requestIdFor({ headers: { 'x-request-id': ['abcd1234', 'efgh5678'] } })).toMatch(UUID);
  });

  it.each(['abcd1234', 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'Root:1-67891233-abcdef012345678912345678', 'lb.eu-west.42_7'])(
    'keeps the well-formed id %s from the proxy in front',
    async (id) => {
      const { stored, answered } = await grantWith(id);
      expect(stored).toBe(id);
      expect(answered).toBe(id);
    },
  );

  it('gives two requests without a header two different ids', async () => {
    const first = await grantWith('');
    const second = await grantWith('');
    expect(first.stored).toMatch(UUID);
    expect(second.stored).toMatch(UUID);
    expect(first.stored).not.toBe(second.stored);
  });
});
