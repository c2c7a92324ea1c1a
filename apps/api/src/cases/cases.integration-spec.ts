import { CASE_COUNT_LIMIT, type ReportCategory } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { aReport, sendReport } from '../../test/intake-factory';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { ownerQuery } from '../../test/owner-query';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';

describe('the queue and the case page', () => {
  let t: TestApp;
  let moderator: Session;
  let moderatorId: string;
  let lead: Session;
  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' } });
    const m = await createStaff(t.app, ['moderator']);
    moderatorId = m.id;
    moderator = await signIn(t.app, m.email);
    lead = await signIn(t.app, (await createStaff(t.app, ['lead'])).email);
  });
  afterAll(() => t?.close());

  const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers() });
  const post = (session: Session, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: session.headers(true), ...(payload ? { payload } : {}) });

  /** A case of the test's own, reported against a user only this test knows. */
  async function aCase(category: ReportCategory, reportedExternalId: string) {
    const tag = randomUUID().slice(0, 8);
    const report = aReport({}, tag);
    report.category = category;
    report.reported = { ...report.reported, externalId: reportedExternalId };
    report.conversation.participants = [report.reporter.externalId, reportedExternalId];
    report.conversation.messages[1].authorExternalId = reportedExternalId;
    const res = await sendReport(t.app, report);
    expect(res.statusCode).toBe(202);
    return res.json().caseId as string;
  }

  it('lists the open cases, the most urgent first, with what moderators need at a glance', async () => {
    const user = `u_target_${randomUUID().slice(0, 8)}`;
    const harassment = await aCase('harassment', user);
    const minor = await aCase('minor_safety', user);
    const res = await get(moderator, `/api/v1/cases?reportedUser=${user}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.data.map((c: { id: string }) => c.id)).toEqual([minor, harassment]);
    expect(body.data[0]).toMatchObject({
      status: 'open',
      priority: 1000,
      categories: ['minor_safety'],
      reportCount: 1,
      reporterCount: 1,
      reportedUser: { externalId: user, kind: 'expert', displayName: 'Marc D.' },
      assignee: null,
      legalHold: false,
      version: 1,
    });
  });

  it('filters by category, status, priority, assignee, mine, unassigned and dates; sorts', async () => {
    const user = `u_filter_${randomUUID().slice(0, 8)}`;
    const spam = await aCase('spam_scam', user);
    const hate = await aCase('hate', user);
    expect((await post(moderator, `/api/v1/cases/${hate}/claim`)).statusCode).toBe(200);
    const ids = async (query: string) => {
      const res = await get(moderator, `/api/v1/cases?reportedUser=${user}&${query}`);
      expect(res.statusCode).toBe(200);
      return (res.json().data as { id: string }[]).map((c) => c.id);
    };
    expect(await ids('category=spam_scam')).toEqual([spam]);
    expect(await ids('category=spam_scam,hate')).toEqual([hate, spam]);
    expect(await ids('status=in_review')).toEqual([hate]);
    expect(await ids('status=closed')).toEqual([]);
    expect(await ids('priorityMin=500')).toEqual([hate]);
    expect(await ids(`assignee=${moderatorId}`)).toEqual([hate]);
    expect(await ids('mine=true')).toEqual([hate]);
    expect(await ids('unassigned=true')).toEqual([spam]);
    expect(await ids(`createdFrom=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect(await ids(`lastActivityTo=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`)).toHaveLength(2);
    expect(await ids('sort=createdAt&order=asc')).toEqual([spam, hate]);
    expect(await ids('sort=lastActivityAt&order=desc')).toHaveLength(2);
    expect(await ids('perPage=1&page=2&sort=createdAt&order=asc')).toEqual([hate]);
  });

  it('refuses unknown sorts and filters with 400, and never lets a value reach SQL', async () => {
    expect((await get(moderator, '/api/v1/cases?sort=priority;DROP TABLE report')).statusCode).toBe(400);
    expect((await get(moderator, '/api/v1/cases?sort=comment')).statusCode).toBe(400);
    expect((await get(moderator, '/api/v1/cases?colour=red')).statusCode).toBe(400);
    expect((await get(moderator, '/api/v1/cases?category=harassment%27%20OR%201%3D1--')).statusCode).toBe(400);
    const injected = await get(moderator, `/api/v1/cases?reportedUser=${encodeURIComponent("x' OR '1'='1")}`);
    expect(injected.statusCode).toBe(200);
    expect(injected.json()).toEqual({ data: [], total: 0, totalCapped: false });
  });

  it('shows a case with its reports, participants and timeline, never a message body', async () => {
    const canary = `CANARY-${randomUUID()}`;
    const report = aReport({ category: 'threat_violence' });
    report.conversation.messages[1].body = canary;
    const { caseId } = (await sendReport(t.app, report)).json();
    const res = await get(moderator, `/api/v1/cases/${caseId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(canary);
    expect(res.json()).toMatchObject({
      id: caseId,
      conversationExternalId: report.conversation.externalId,
      messageCount: 2,
      participants: expect.arrayContaining([expect.objectContaining({ externalId: report.reporter.externalId, displayName: 'Léa M.' })]),
      reports: [
        {
          externalId: report.externalId,
          category: 'threat_violence',
          comment: report.comment,
          reporter: { externalId: report.reporter.externalId },
          reported: { externalId: report.reported.externalId },
          reportedMessageIds: report.reportedMessageIds,
        },
      ],
      timeline: [{ type: 'case_opened', actor: null }],
    });
    expect((await get(moderator, `/api/v1/cases/${randomUUID()}`)).statusCode).toBe(404);
    expect((await get(moderator, '/api/v1/cases/not-a-uuid')).statusCode).toBe(400);
  });

  it('lets one of two moderators claiming at once win; the other gets 409 with the case', async () => {
    const caseId = await aCase('harassment', `u_claim_${randomUUID().slice(0, 8)}`);
    const other = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
    const [a, b] = await Promise.all([post(moderator, `/api/v1/cases/${caseId}/claim`), post(other, `/api/v1/cases/${caseId}/claim`)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a : b;
    const loser = a.statusCode === 200 ? b : a;
    expect(winner.json()).toMatchObject({ status: 'in_review', version: 2, assignee: { name: expect.any(String) } });
    expect(winner.json().timeline.map((e: { type: string }) => e.type)).toEqual(['case_opened', 'claimed']);
    expect(loser.json()).toMatchObject({ details: { code: 'already_assigned', case: { id: caseId, version: 2 } } });
  });

  it('lets leads assign and unassign, to active moderators and leads only, with optimistic locking', async () => {
    const caseId = await aCase('impersonation', `u_assign_${randomUUID().slice(0, 8)}`);
    expect((await post(moderator, `/api/v1/cases/${caseId}/assign`, { assigneeId: moderatorId })).statusCode).toBe(403);
    const dpo = await createStaff(t.app, ['dpo']);
    const toDpo = await post(lead, `/api/v1/cases/${caseId}/assign`, { assigneeId: dpo.id });
    expect(toDpo.statusCode).toBe(400);
    expect(toDpo.json()).toMatchObject({ details: { code: 'invalid_assignee' } });
    const assigned = await post(lead, `/api/v1/cases/${caseId}/assign`, { assigneeId: moderatorId, version: 1 });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ assignee: { id: moderatorId }, version: 2 });
    const stale = await post(lead, `/api/v1/cases/${caseId}/assign`, { assigneeId: null, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ details: { code: 'stale_version', case: { version: 2 } } });
    const unassigned = await post(lead, `/api/v1/cases/${caseId}/assign`, { assigneeId: null, version: 2 });
    expect(unassigned.json()).toMatchObject({ assignee: null, version: 3 });
    expect(unassigned.json().timeline.map((e: { type: string }) => e.type)).toEqual(['case_opened', 'assigned', 'unassigned']);
    expect(unassigned.json().timeline[1]).toMatchObject({ type: 'assigned', data: { assigneeId: moderatorId, assigneeName: 'Test moderator' } });
    const names = (await get(lead, '/api/v1/cases/assignees')).json().data.map((s: { id: string }) => s.id);
    expect(names).toContain(moderatorId);
    expect(names).not.toContain(dpo.id);
  });

  it('keeps the queue from the DPO and admins', async () => {
    for (const roles of [['dpo'], ['admin']] as const) {
      const session = await signIn(t.app, (await createStaff(t.app, [...roles])).email);
      expect((await get(session, '/api/v1/cases')).statusCode).toBe(403);
    }
  });
});

describe('the queue at scale', () => {
  let db: { url: string; drop(): Promise<void> };
  let t: TestApp;
  let moderator: Session;
  beforeAll(async () => {
    db = await createOwnDatabase('vigie_queue_cap');
    t = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '' } });
    moderator = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
    // One past the count limit, straight in SQL: intake would take minutes. Every other case a harassment one.
    await ownerQuery(
      `WITH v AS (INSERT INTO conversation (external_id) SELECT 'c_cap_' || i FROM generate_series(1, ${CASE_COUNT_LIMIT + 1}) i RETURNING id)
       INSERT INTO moderation_case (conversation_id, status, priority, created_at, last_activity_at, categories)
       SELECT id, 'open', 100, now(), now(), CASE WHEN row_number() OVER () % 2 = 0 THEN '{harassment}'::text[] ELSE '{spam_scam}' END FROM v`,
      [],
      db.url,
    );
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const list = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases?${query}`, headers: moderator.headers() });
    expect(res.statusCode).toBe(200);
    return res.json() as { data: unknown[]; total: number; totalCapped: boolean };
  };

  it('counts up to the limit and says when there are more', async () => {
    expect(await list('perPage=5')).toMatchObject({ total: CASE_COUNT_LIMIT, totalCapped: true });
    const harassment = await list('category=harassment&perPage=5');
    expect(harassment).toMatchObject({ total: Math.floor((CASE_COUNT_LIMIT + 1) / 2), totalCapped: false });
    expect(harassment.data).toHaveLength(5);
  });

  it('serves a deep page the same as a shallow one', async () => {
    const deep = await list('page=400&perPage=25');
    expect(deep.data).toHaveLength(25);
    const beyond = await list('page=401&perPage=25');
    expect(beyond.data).toHaveLength(1);
  });
});
