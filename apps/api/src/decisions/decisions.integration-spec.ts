import type { CaseDetail, DecisionRequest, Delivery } from '@vigie/contracts';
import { verifySignature } from '@vigie/intake-client';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../common/clock';
import { aReportedCase, claim, requestAccess } from '../../test/gate-factory';
import { postSigned } from '../../test/intake-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { WebhookWorker } from '../outbox/webhook.worker';

const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

/** The platform's webhook endpoint: answers what `replies` says, in turn, then 204. */
class Receiver {
  readonly requests: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  replies: number[] = [];
  private server?: Server;
  url = '';
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        this.requests.push({ headers: req.headers, body });
        res.statusCode = this.replies.shift() ?? 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hooks/vigie`;
  }
  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const statement = {
  facts: 'Demande répétée de photos à une mentorée mineure, malgré son refus.',
  ground: 'CGU art. 4.8 — protection des mineurs',
  automated: false,
  redress: 'Recours interne sous 6 mois depuis la plateforme.',
};

describe('working a case to the end', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date());
  const receiver = new Receiver();
  let moderator: Session;
  let moderatorId: string;
  let other: Session;
  let lead: Session;
  let leadId: string;
  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp({
      clock,
      env: { MFA_REQUIRED_ROLES: '', PLATFORM_WEBHOOK_URL: receiver.url, PLATFORM_WEBHOOK_SECRET: WEBHOOK_SECRET, WEBHOOK_RETRY_BASE_SECONDS: '10' },
    });
    const m = await createStaff(t.app, ['moderator']);
    moderatorId = m.id;
    moderator = await signIn(t.app, m.email);
    other = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
    const l = await createStaff(t.app, ['lead']);
    leadId = l.id;
    lead = await signIn(t.app, l.email);
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  const getCase = async (caseId: string, session = moderator) => (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: session.headers() })).json() as CaseDetail;
  const decide = (session: Session, caseId: string, body: Partial<DecisionRequest> & { version: number }) =>
    t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/decision`, headers: session.headers(true), payload: { action: 'warning', policyClause: 'cgu.4.8-protection-mineurs', statement, ...body } });
  const transition = (session: Session, caseId: string, body: { transition: string; reason?: string; version: number }) =>
    t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/status`, headers: session.headers(true), payload: body });
  const outboxOf = (caseId: string) => ownerQuery<{ id: string; event_type: string; payload: Record<string, unknown>; delivered_at: Date | null }>(`SELECT id, event_type, payload, delivered_at FROM outbox WHERE case_id = $1 ORDER BY id`, [caseId]);

  async function myCase() {
    const reported = await aReportedCase(t.app, { at: clock.now() });
    await claim(t.app, moderator, reported.caseId);
    return { ...reported, version: (await getCase(reported.caseId)).version };
  }

  it('takes a warning with its reasons: the case is actioned, the timeline says so, the platform is told', async () => {
    const { caseId, version, report } = await myCase();
    const res = await decide(moderator, caseId, { version });
    expect(res.statusCode).toBe(200);
    const kase = res.json() as CaseDetail;
    expect(kase.status).toBe('actioned');
    expect(kase.decisions).toEqual([expect.objectContaining({ action: 'warning', state: 'effective', statement, decidedBy: expect.objectContaining({ id: moderatorId }) })]);
    expect(kase.timeline.map((e) => e.type)).toEqual(['case_opened', 'claimed', 'decision']);
    const [message, ...more] = await outboxOf(caseId);
    expect(more).toEqual([]);
    expect(message.payload).toMatchObject({
      type: 'decision.effective',
      apply: { action: 'warning', userIds: [report.reported.externalId] },
      notify: { reporters: { userIds: [report.reporter.externalId], outcome: 'action_taken' } },
    });
  });

  it('refuses a decision that is not the caller’s to take, and a stale one; one of two concurrent decisions wins', async () => {
    const { caseId, version } = await myCase();
    expect((await decide(other, caseId, { version })).json()).toMatchObject({ statusCode: 403, details: { code: 'not_assignee' } });
    expect((await decide(moderator, caseId, { version: version - 1 })).json()).toMatchObject({ statusCode: 409, details: { code: 'stale_version' } });
    const results = await Promise.all([decide(moderator, caseId, { version }), decide(lead, caseId, { version, action: 'no_violation' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await getCase(caseId)).decisions).toHaveLength(1);
    // The outbox holds exactly the winner's message: written with the decision, or not at all.
    expect(await outboxOf(caseId)).toHaveLength(1);
  });

  it('has the outbox row if and only if the decision committed', async () => {
    const { caseId, version } = await myCase();
    const bad = await decide(moderator, caseId, { version, action: 'suspension' }); // no duration: refused
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([expect.objectContaining({ field: 'durationDays' })]);
    expect(await outboxOf(caseId)).toEqual([]);
    // A failure inside the transaction, after the decision row: the outbox insert rolls back with it.
    await ownerQuery(`CREATE OR REPLACE FUNCTION fail_outbox_${caseId.slice(0, 8)}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.case_id = '${caseId}' THEN RAISE EXCEPTION 'outbox down'; END IF; RETURN NEW; END $$`);
    await ownerQuery(`CREATE TRIGGER fail_outbox_${caseId.slice(0, 8)} BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION fail_outbox_${caseId.slice(0, 8)}()`);
    try {
      expect((await decide(moderator, caseId, { version })).statusCode).toBe(500);
    } finally {
      await ownerQuery(`DROP TRIGGER fail_outbox_${caseId.slice(0, 8)} ON outbox; DROP FUNCTION fail_outbox_${caseId.slice(0, 8)}()`);
    }
    const kase = await getCase(caseId);
    expect(kase).toMatchObject({ status: 'in_review', decisions: [] });
  });

  it('removes only messages of the case’s conversation that the decider’s own grants covered; otherwise 400 naming them, nothing stored', async () => {
    const { caseId, reportId, report } = await myCase();
    const elsewhere = await aReportedCase(t.app, { at: clock.now() });
    const [ours] = report.reportedMessageIds;
    const theirs = elsewhere.report.reportedMessageIds[0];
    const removal = async (session: Session, messageIds: string[]) =>
      decide(session, caseId, { action: 'content_removal', messageIds, version: (await getCase(caseId, session)).version });
    const refusedIds = (res: { statusCode: number; json(): { details?: { messageIds?: string[] } } }) => ({ status: res.statusCode, ids: res.json().details?.messageIds });

    // Nobody opened the conversation: neither its assignee nor a lead may remove what they did not see.
    expect(refusedIds(await removal(moderator, [ours]))).toEqual({ status: 400, ids: [ours] });
    expect(refusedIds(await removal(lead, [theirs]))).toEqual({ status: 400, ids: [theirs] });
    // A lead's grant is the lead's own: it covers nothing for the moderator.
    expect((await requestAccess(t.app, lead, caseId, { reportIds: [reportId], scope: 'full' })).statusCode).toBe(201);
    expect(refusedIds(await removal(moderator, [ours]))).toEqual({ status: 400, ids: [ours] });
    // Opened: the conversation's messages the grant covered, not another conversation's.
    expect((await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] })).statusCode).toBe(201);
    const mixed = await removal(moderator, [ours, theirs]);
    expect(refusedIds(mixed)).toEqual({ status: 400, ids: [theirs] });
    expect(mixed.json()).toMatchObject({ details: { code: 'invalid_body', fields: [{ field: 'messageIds', code: 'not_granted' }] } });
    expect((await getCase(caseId)).decisions).toEqual([]);
    expect(await outboxOf(caseId)).toEqual([]);

    const done = await removal(moderator, [ours]);
    expect(done.statusCode).toBe(200);
    const [message] = await outboxOf(caseId);
    expect(message.payload).toMatchObject({ apply: { action: 'content_removal', removeMessageIds: [ours] } });
  });

  it('makes a moderator’s ban wait for a lead, who approves it (four eyes)', async () => {
    const { caseId, version } = await myCase();
    const proposed = (await decide(moderator, caseId, { version, action: 'ban' })).json() as CaseDetail;
    expect(proposed.status).toBe('in_review');
    expect(proposed.decisions).toEqual([expect.objectContaining({ action: 'ban', state: 'pending_approval' })]);
    expect(await outboxOf(caseId)).toEqual([]);
    const suspension = await myCase();
    const week = (await decide(moderator, suspension.caseId, { version: suspension.version, action: 'suspension', durationDays: 7 })).json() as CaseDetail;
    expect(week.decisions[0].state).toBe('effective');

    const pending = (await t.app.inject({ method: 'GET', url: '/api/v1/decisions/pending', headers: lead.headers() })).json();
    expect(pending.data.map((d: { caseId: string }) => d.caseId)).toContain(caseId);
    const decisionId = proposed.decisions[0].id;
    const review = (payload: object, session = lead) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/decisions/${decisionId}/review`, headers: session.headers(true), payload });
    expect((await review({ approve: true }, moderator)).statusCode).toBe(403);
    const approved = (await review({ approve: true, note: 'Conforme à la politique.' })).json() as CaseDetail;
    expect(approved.status).toBe('actioned');
    expect(approved.decisions[0]).toMatchObject({ state: 'effective', reviewedBy: { id: leadId }, decidedBy: { id: moderatorId } });
    expect(approved.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['decision_proposed', 'decision_approved']));
    expect((await outboxOf(caseId)).map((o) => o.event_type)).toEqual(['decision.effective']);
    expect((await review({ approve: true })).json()).toMatchObject({ details: { code: 'no_pending_decision' } });
  });

  describe('the status machine', () => {
    it('closes a decided case (assignee or lead), reopens it (lead, with a reason), and refuses the rest', async () => {
      const { caseId, version } = await myCase();
      // Not decided yet: nobody may close it.
      expect((await transition(lead, caseId, { transition: 'close', version })).json()).toMatchObject({ statusCode: 409, details: { code: 'transition_not_allowed' } });
      let kase = (await decide(moderator, caseId, { version, action: 'no_violation' })).json() as CaseDetail;
      expect(kase.status).toBe('dismissed');
      expect((await transition(other, caseId, { transition: 'close', version: kase.version })).json()).toMatchObject({ statusCode: 403, details: { code: 'not_assignee' } });
      expect((await transition(moderator, caseId, { transition: 'reopen', reason: 'Nouvel élément reçu.', version: kase.version })).json()).toMatchObject({ statusCode: 403, details: { code: 'role' } });
      kase = (await transition(moderator, caseId, { transition: 'close', version: kase.version })).json();
      expect(kase).toMatchObject({ status: 'closed', closeReason: 'resolved' });
      expect((await transition(lead, caseId, { transition: 'reopen', version: kase.version })).statusCode).toBe(400);
      kase = (await transition(lead, caseId, { transition: 'reopen', reason: 'Nouveau signalement lié.', version: kase.version })).json();
      expect(kase).toMatchObject({ status: 'in_review', closeReason: null });
      expect(kase.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['closed', 'reopened']));
      expect((await transition(lead, caseId, { transition: 'close', version: kase.version })).json()).toMatchObject({ details: { code: 'transition_not_allowed' } });
    });
  });

  describe('notes', () => {
    it('are internal, shown on the case, editable by their author for 15 minutes, then frozen', async () => {
      const { caseId } = await myCase();
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/notes`, headers: moderator.headers(true), payload: { text: 'Premier échange cordial, puis insistance.' } });
      expect(res.statusCode).toBe(201);
      const note = res.json();
      const edit = (session: Session, text: string) => t.app.inject({ method: 'PATCH', url: `/api/v1/cases/${caseId}/notes/${note.id}`, headers: session.headers(true), payload: { text } });
      expect((await edit(other, 'Réécrit')).statusCode).toBe(403);
      expect((await edit(moderator, 'Premier échange cordial, puis insistance nette.')).json()).toMatchObject({ text: 'Premier échange cordial, puis insistance nette.', editedAt: expect.any(String) });
      const start = clock.now();
      clock.advance(16 * 60_000);
      moderator = await signIn(t.app, (await ownerQuery<{ email: string }>(`SELECT email FROM staff_user WHERE id = $1`, [moderatorId]))[0].email);
      try {
        expect((await edit(moderator, 'Trop tard')).json()).toMatchObject({ statusCode: 409, details: { code: 'note_frozen' } });
      } finally {
        clock.set(start);
      }
      const kase = await getCase(caseId);
      expect(kase.notes.map((n) => n.text)).toEqual(['Premier échange cordial, puis insistance nette.']);
      expect(kase.timeline.map((e) => e.type)).toContain('note_added');
    });
  });

  it('delivers the decision to the platform, signed, retrying after failures, every attempt recorded', async () => {
    const worker = t.app.get(WebhookWorker);
    // Earlier tests' messages go first, answered 204: from here on, only this test's is due.
    while ((await worker.tick()) > 0);
    const { caseId, version } = await myCase();
    await decide(moderator, caseId, { version });
    const [message] = await outboxOf(caseId);
    const mine = () => receiver.requests.filter((r) => r.headers['idempotency-key'] === `vigie-outbox-${message.id}`);
    const start = clock.now();
    try {
      receiver.replies.push(500, 500);
      await worker.tick();
      expect(mine()).toHaveLength(1);
      await worker.tick(); // not due yet: back-off
      expect(mine()).toHaveLength(1);
      clock.advance(10_000);
      await worker.tick();
      expect(mine()).toHaveLength(2);
      clock.advance(20_000);
      await worker.tick();
      expect(mine()).toHaveLength(3);
    } finally {
      clock.set(start);
    }
    const [delivered] = await outboxOf(caseId);
    expect(delivered.delivered_at).not.toBeNull();
    const last = mine()[2];
    const signature = last.headers['x-signature'] as string;
    const signedAt = Number(/t=(\d+)/.exec(signature)?.[1]);
    expect(verifySignature(Buffer.from(last.body), signature, [WEBHOOK_SECRET], signedAt)).toBe('ok');
    expect(verifySignature(Buffer.from(last.body), signature, ['another-secret-0123456789'], signedAt)).toBe('mismatch');
    expect(JSON.parse(last.body)).toMatchObject({ type: 'decision.effective', caseId });

    moderator = await signIn(t.app, (await ownerQuery<{ email: string }>(`SELECT email FROM staff_user WHERE id = $1`, [moderatorId]))[0].email);
    lead = await signIn(t.app, (await ownerQuery<{ email: string }>(`SELECT email FROM staff_user WHERE id = $1`, [leadId]))[0].email);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/deliveries?perPage=200', headers: lead.headers() })).json() as { data: Delivery[] };
    const delivery = list.data.find((d) => d.caseId === caseId);
    expect(delivery).toMatchObject({ attempts: 3, lastStatus: 204, deliveredAt: expect.any(String) });
    expect(delivery?.log.map((a) => a.statusCode)).toEqual([204, 500, 500]);
  });

  describe('appeals', () => {
    async function decided() {
      const { caseId, version } = await myCase();
      const kase = (await decide(moderator, caseId, { version })).json() as CaseDetail;
      return kase;
    }
    const appeal = (decisionId: string, submittedAt: Date, externalId = `app_${randomUUID().slice(0, 8)}`) =>
      postSigned(t.app, '/api/v1/intake/appeals', JSON.stringify({ externalId, decisionId, appellant: { externalId: `u_app_${randomUUID().slice(0, 6)}` }, statement: 'Je conteste.', submittedAt: submittedAt.toISOString() }), {
        timestamp: Math.floor(clock.now().getTime() / 1000),
      });

    it('opens an appeal case within 6 months, which the original decider cannot take, and sends its outcome back', async () => {
      const kase = await decided();
      const decisionId = kase.decisions[0].id;
      const late = new Date(kase.decisions[0].decidedAt);
      late.setUTCMonth(late.getUTCMonth() + 6);
      late.setUTCDate(late.getUTCDate() + 1);
      const refused = await appeal(decisionId, late);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ details: { code: 'appeal_window_closed' } });

      const res = await appeal(decisionId, clock.now(), 'app_same');
      expect(res.statusCode).toBe(202);
      const { caseId: appealCaseId } = res.json();
      expect((await appeal(decisionId, clock.now(), 'app_same')).json()).toEqual(res.json());
      const appealCase = await getCase(appealCaseId);
      expect(appealCase).toMatchObject({ status: 'open', appealOfDecisionId: decisionId, appeal: { decision: { id: decisionId } } });

      const taken = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${appealCaseId}/claim`, headers: moderator.headers(true), payload: {} });
      expect(taken.json()).toMatchObject({ statusCode: 403, details: { code: 'original_decider' } });
      const assigned = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${appealCaseId}/assign`, headers: lead.headers(true), payload: { assigneeId: moderatorId } });
      expect(assigned.json()).toMatchObject({ statusCode: 403, details: { code: 'original_decider' } });
      await claim(t.app, other, appealCaseId);
      const version = (await getCase(appealCaseId)).version;
      const outcome = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${appealCaseId}/appeal-outcome`, headers: other.headers(true), payload: { outcome: 'overturned', statement, version } });
      expect(outcome.statusCode).toBe(200);
      expect(outcome.json()).toMatchObject({ status: 'actioned', decisions: [{ action: 'appeal_overturned' }] });
      expect((await outboxOf(appealCaseId)).map((o) => o.payload)).toEqual([expect.objectContaining({ type: 'appeal.decided', outcome: 'overturned', decisionId, undo: { action: 'warning', removeMessageIds: [] } })]);
    });

    it('keeps an appellant’s statement holding U+0000 or a lone surrogate, as U+FFFD', async () => {
      const decisionId = (await decided()).decisions[0].id;
      const externalId = `app_${randomUUID().slice(0, 8)}`;
      const raw = JSON.stringify({ externalId, decisionId, appellant: { externalId: `u_app_${randomUUID().slice(0, 6)}` }, statement: 'Je\u0000 conteste\ud800.', submittedAt: clock.now().toISOString() });
      const res = await postSigned(t.app, '/api/v1/intake/appeals', raw, { timestamp: Math.floor(clock.now().getTime() / 1000) });
      expect(res.statusCode).toBe(202);
      const [stored] = await ownerQuery<{ statement: string }>(`SELECT statement FROM appeal WHERE external_id = $1`, [externalId]);
      expect(stored.statement).toBe('Je\ufffd conteste\ufffd.');
    });
  });

  it('shows the reported user’s record: previous cases and sanctions in the last 6 and 12 months', async () => {
    const first = await myCase();
    await decide(moderator, first.caseId, { version: first.version });
    // A second conversation with the same reported user.
    const second = await aReportedCase(t.app, { at: clock.now() });
    await ownerQuery(`UPDATE report SET reported_id = (SELECT reported_id FROM report WHERE case_id = $1 LIMIT 1) WHERE case_id = $2`, [first.caseId, second.caseId]);
    const history = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${second.caseId}/history`, headers: moderator.headers() })).json();
    expect(history).toMatchObject({ actionedLast6Months: 1, actionedLast12Months: 1, cases: [{ caseId: first.caseId, decisions: [{ action: 'warning', state: 'effective' }] }] });
    // The case's own decision is not part of the user's past.
    await claim(t.app, moderator, second.caseId);
    await decide(moderator, second.caseId, { version: (await getCase(second.caseId)).version });
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${second.caseId}/history`, headers: moderator.headers() })).json();
    expect(after).toMatchObject({ actionedLast6Months: 1, actionedLast12Months: 1 });
  });

  it('dismisses a spam wave in one request, one decision per case, and reports the cases it could not', async () => {
    const wave = await Promise.all([1, 2, 3].map(() => aReportedCase(t.app, { at: clock.now() })));
    const taken = await myCase();
    await t.app.inject({ method: 'POST', url: `/api/v1/cases/${taken.caseId}/claim`, headers: other.headers(true), payload: {} });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases/bulk',
      headers: other.headers(true),
      payload: { action: 'dismiss', caseIds: [...wave.map((c) => c.caseId), taken.caseId], policyClause: 'cgu.4.6-spam-arnaque', statement },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ succeeded: 3, failed: 1, results: expect.arrayContaining([{ caseId: taken.caseId, ok: false, code: 'not_assignee' }]) });
    for (const { caseId } of wave) {
      const kase = await getCase(caseId);
      expect(kase).toMatchObject({ status: 'dismissed', decisions: [{ action: 'no_violation', state: 'effective' }] });
    }
    const assign = await t.app.inject({ method: 'POST', url: '/api/v1/cases/bulk', headers: moderator.headers(true), payload: { action: 'assign', caseIds: [taken.caseId], assigneeId: moderatorId } });
    expect(assign.json()).toMatchObject({ succeeded: 0, results: [{ code: 'role' }] });
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/cases/bulk', headers: lead.headers(true), payload: { action: 'dismiss', caseIds: [taken.caseId] } });
    expect(missing.statusCode).toBe(400);
  });

  it('exports the statements of reasons of restrictions in the Transparency Database format, without personal data', async () => {
    const { caseId, version, report } = await myCase();
    await decide(lead, caseId, { version, action: 'suspension', durationDays: 30 });
    const json = await t.app.inject({ method: 'GET', url: '/api/v1/transparency/statements', headers: lead.headers() });
    expect(json.statusCode).toBe(200);
    const decisionId = (await getCase(caseId)).decisions[0].id;
    const statementOut = json.json().statements.find((s: { puid: string }) => s.puid === decisionId);
    expect(statementOut).toMatchObject({
      decision_account: 'DECISION_ACCOUNT_SUSPENDED',
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      category: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
      source_type: 'SOURCE_ARTICLE_16',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
    });
    expect(json.json().statements.every((s: { decision_account: string | null; decision_visibility: string[] }) => s.decision_account || s.decision_visibility.length)).toBe(true);
    for (const personal of [report.reported.externalId, report.reporter.displayName, statement.facts]) expect(json.body).not.toContain(personal);
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/transparency/statements?format=csv', headers: lead.headers() });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toMatch(/^puid,decision_visibility,decision_account,/);
    expect(csv.body).toContain(`"${decisionId}"`);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/transparency/statements', headers: moderator.headers() })).statusCode).toBe(403);
  });
});
