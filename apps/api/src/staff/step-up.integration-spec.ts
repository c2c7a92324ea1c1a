import type { AccessGrant } from '@vigie/contracts';
import { generateSync } from 'otplib';
import { ManualClock } from '../common/clock';
import { aReportedCase, claim, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session, TEST_PASSWORD } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

const MINUTE = 60_000;

describe('step-up before content', () => {
  // Today, to the second: the database times grants and sessions by its own clock.
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  let t: TestApp;
  beforeAll(async () => {
    // MFA for leads only: moderators here step up with their password, leads with a code.
    t = await createTestApp({ clock, env: { MFA_REQUIRED_ROLES: 'lead' } });
  });
  afterAll(() => t?.close());

  const stepUp = (session: Session, payload: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/step-up', headers: session.headers(true), payload });
  const journal = (staffId: string) =>
    ownerQuery<{ event: string; details: Record<string, unknown> }>(
      `SELECT event, details FROM staff_activity WHERE subject_id = $1 AND event LIKE 'step_up%' ORDER BY id`,
      [staffId],
    );
  const code = (secret: string) => generateSync({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });

  /** A moderator, signed in, holding a reported case of their own. */
  async function aModeratorWithACase() {
    const account = await createStaff(t.app, ['moderator']);
    const session = await signIn(t.app, account.email);
    const reported = await aReportedCase(t.app, { at: clock.now() });
    await claim(t.app, session, reported.caseId);
    return { account, session, ...reported };
  }

  it('a sign-in counts: the gate opens right after it, and asks again once STEP_UP_MINUTES have passed', async () => {
    const { session, caseId, reportId } = await aModeratorWithACase();
    expect((await requestAccess(t.app, session, caseId, { reportIds: [reportId] })).statusCode).toBe(201);

    clock.advance(10 * MINUTE);
    const refused = await requestAccess(t.app, session, caseId, { reportIds: [reportId] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ reason: 'step_up_required', details: { code: 'step_up_required' } });
    const [last] = await ownerQuery<{ outcome: string; reason: string; grant_id: string | null }>(
      `SELECT outcome, reason, grant_id FROM access_log WHERE case_id = $1 ORDER BY sequence DESC LIMIT 1`,
      [caseId],
    );
    expect(last).toEqual({ outcome: 'denied', reason: 'step_up_required', grant_id: null });

    const confirmed = await stepUp(session, { password: TEST_PASSWORD });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ stepUpUntil: new Date(clock.now().getTime() + 10 * MINUTE).toISOString() });
    const granted = await requestAccess(t.app, session, caseId, { reportIds: [reportId] });
    expect(granted.statusCode).toBe(201);
    expect((granted.json() as AccessGrant).grantId).toBeTruthy();
  });

  it('the role is checked first: a DPO is refused for the role, not asked to step up', async () => {
    const { caseId, reportId } = await aModeratorWithACase();
    const dpo = await signIn(t.app, (await createStaff(t.app, ['dpo'])).email);
    clock.advance(11 * MINUTE);
    expect((await requestAccess(t.app, dpo, caseId, { reportIds: [reportId] })).json()).toMatchObject({ reason: 'role' });
  });

  it('without MFA, the password: a wrong one or a code is refused, and each attempt is in the staff journal', async () => {
    const { account, session } = await aModeratorWithACase();
    const wrong = await stepUp(session, { password: 'not-the-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ details: { code: 'step_up_failed', method: 'password' } });
    const method = await stepUp(session, { totp: '123456' });
    expect(method.statusCode).toBe(400);
    expect(method.json()).toMatchObject({ details: { code: 'step_up_method', method: 'password' } });
    expect((await stepUp(session, { password: TEST_PASSWORD })).statusCode).toBe(200);
    expect((await stepUp(session, {})).statusCode).toBe(400);
    expect(await journal(account.id)).toEqual([
      { event: 'step_up.failed', details: { method: 'password' } },
      { event: 'step_up', details: { method: 'password' } },
    ]);
  });

  it('with MFA, a code only — and a code accepted once is refused for the rest of its window', async () => {
    const account = await createStaff(t.app, ['lead']);
    const enrolling = await signIn(t.app, account.email);
    const { secret } = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/enrolment', headers: enrolling.headers(true) })).json() as {
      secret: string;
    };
    const activated = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/activate', headers: enrolling.headers(true), payload: { code: code(secret) } });
    expect(activated.statusCode).toBe(201);
    clock.advance(MINUTE);
    const session = await signIn(t.app, account.email, TEST_PASSWORD, code(secret));

    const password = await stepUp(session, { password: TEST_PASSWORD });
    expect(password.statusCode).toBe(400);
    expect(password.json()).toMatchObject({ details: { code: 'step_up_method', method: 'totp' } });
    // The code that signed in is spent.
    expect((await stepUp(session, { totp: code(secret) })).json()).toMatchObject({ details: { code: 'step_up_failed' } });
    clock.advance(MINUTE);
    const fresh = code(secret);
    expect((await stepUp(session, { totp: fresh })).statusCode).toBe(200);
    expect((await stepUp(session, { totp: fresh })).json()).toMatchObject({ details: { code: 'step_up_failed' } });
  });

  it('locks after five wrong attempts: a stolen cookie is no way to guess the password', async () => {
    const { session } = await aModeratorWithACase();
    for (let i = 0; i < 5; i += 1) expect((await stepUp(session, { password: `wrong-${i}` })).statusCode).toBe(400);
    const locked = await stepUp(session, { password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    clock.advance(2 * MINUTE);
    expect((await stepUp(session, { password: TEST_PASSWORD })).statusCode).toBe(200);
  });
});
