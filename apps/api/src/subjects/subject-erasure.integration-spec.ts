import type { RetentionRun } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { aReportedCase } from '../../test/gate-factory';
import { aReport, sendReport } from '../../test/intake-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

jest.setTimeout(120_000);

/**
 * Erasure on request (GDPR Art. 17): the DPO erases one person's cases ahead of the retention
 * period — the sweeper's own purge, recorded as a run with the request's reference — all or
 * nothing: while any of their cases is held, nothing is erased. Nobody else's data is touched.
 */
describe("erasing a person's data on request", () => {
  let t: TestApp;
  let dpoEmail: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' } });
    dpoEmail = (await createStaff(t.app, ['dpo'])).email;
  });
  afterAll(() => t?.close());

  const url = (externalId: string) => `/api/v1/audit/subjects/${encodeURIComponent(externalId)}/erasure`;
  async function dpo() {
    return signIn(t.app, dpoEmail);
  }
  const erase = async (externalId: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: url(externalId), headers: (await dpo()).headers(true), payload: body });
  const preview = async (externalId: string) => t.app.inject({ method: 'GET', url: url(externalId), headers: (await dpo()).headers() });

  /** A person reported in two conversations, and someone else's case beside. */
  async function aPersonWithTwoCases() {
    const first = await aReportedCase(t.app);
    const person = first.report.reported;
    const tag = randomUUID().slice(0, 8);
    const second = aReport({}, tag);
    second.reported = person;
    second.conversation.participants = [second.reporter.externalId, person.externalId];
    second.conversation.messages = second.conversation.messages.map((m, i) => ({ ...m, authorExternalId: i % 2 ? person.externalId : second.reporter.externalId }));
    const sent = await sendReport(t.app, second);
    expect(sent.statusCode).toBe(202);
    const other = await aReportedCase(t.app);
    return { person, caseIds: [first.caseId, sent.json().caseId as string].sort(), first, other };
  }

  const caseRow = async (id: string) =>
    (await ownerQuery<{ status: string; close_reason: string | null; purged: boolean }>(
      `SELECT status, close_reason, data_purged_at IS NOT NULL AS purged FROM moderation_case WHERE id = $1`,
      [id],
    ))[0];

  it("previews, dry-runs, then erases the person's cases only, as a run of retention with the reference", async () => {
    const { person, caseIds, first, other } = await aPersonWithTwoCases();

    const shown = await preview(person.externalId);
    expect(shown.statusCode).toBe(200);
    expect({ ...shown.json(), caseIds: [...shown.json().caseIds].sort() }).toMatchObject({ caseIds, heldCaseIds: [], reports: 2 });

    const dry = await erase(person.externalId, { reference: 'REQ-17-DRY', dryRun: true });
    expect(dry.statusCode).toBe(201);
    expect(dry.json().run).toMatchObject({ trigger: 'request', reference: 'REQ-17-DRY', dryRun: true, status: 'completed', counts: expect.objectContaining({ casesPurged: 2 }) });
    expect(await caseRow(caseIds[0])).toMatchObject({ purged: false });

    const done = await erase(person.externalId, { reference: 'REQ-17-001' });
    expect(done.statusCode).toBe(201);
    const run = done.json().run as RetentionRun;
    expect(run).toMatchObject({ trigger: 'request', reference: 'REQ-17-001', dryRun: false, status: 'completed', casesDue: 2 });
    expect(run.counts).toMatchObject({ casesPurged: 2, casesClosed: 2, reportCommentsErased: 2 });
    for (const id of caseIds) expect(await caseRow(id)).toEqual({ status: 'closed', close_reason: 'erasure_requested', purged: true });
    // The messages are gone; the person carries a pseudonym and is found no more.
    expect(await ownerQuery(`SELECT 1 FROM message_body b JOIN message m ON m.id = b.message_id JOIN moderation_case c ON c.conversation_id = m.conversation_id WHERE c.id = $1`, [first.caseId])).toEqual([]);
    expect((await preview(person.externalId)).statusCode).toBe(404);

    // Nothing about anyone else.
    expect(await caseRow(other.caseId)).toEqual({ status: 'open', close_reason: null, purged: false });
    expect((await ownerQuery<{ n: string }>(`SELECT count(*) AS n FROM message m JOIN moderation_case c ON c.conversation_id = m.conversation_id WHERE c.id = $1`, [other.caseId]))[0].n).toBe('2');
    expect((await preview(other.report.reported.externalId)).json()).toMatchObject({ caseIds: [other.caseId] });

    // Listed among retention's runs.
    const runs = await t.app.inject({ method: 'GET', url: '/api/v1/retention/runs', headers: (await dpo()).headers() });
    expect(runs.json().data.find((r: RetentionRun) => r.id === run.id)).toMatchObject({ trigger: 'request', reference: 'REQ-17-001' });

    // The journal: reference and counts, never the person.
    const journal = await ownerQuery<{ event: string; details: Record<string, unknown> }>(
      `SELECT event, details FROM staff_activity WHERE event IN ('subject.erasure_previewed', 'subject.erased') ORDER BY sequence`,
    );
    expect(journal.filter((j) => j.details.reference === 'REQ-17-001')).toHaveLength(1);
    expect(JSON.stringify(journal)).not.toContain(person.externalId);
    expect(JSON.stringify(journal)).not.toContain(`${person.displayName}`);
  });

  it('refuses the whole request while one of the cases is held, naming it, and erases nothing', async () => {
    const { person, caseIds } = await aPersonWithTwoCases();
    const hold = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseIds[1]}/legal-hold`,
      headers: (await dpo()).headers(true),
      payload: { reason: 'Réquisition judiciaire en cours, conserver.' },
    });
    expect(hold.statusCode).toBe(200);
    expect((await preview(person.externalId)).json()).toMatchObject({ heldCaseIds: [caseIds[1]] });
    const refused = await erase(person.externalId, { reference: 'REQ-17-HELD' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ details: { code: 'subject_cases_held', caseIds: [caseIds[1]] } });
    for (const id of caseIds) expect(await caseRow(id)).toMatchObject({ purged: false });
    expect(await ownerQuery(`SELECT 1 FROM retention_run WHERE reference = 'REQ-17-HELD'`)).toEqual([]);
  });

  it('refuses a reference that is empty or too long, and a run without a request carries no reference', async () => {
    const { person } = await aPersonWithTwoCases();
    expect((await erase(person.externalId, { reference: '' })).statusCode).toBe(400);
    expect((await erase(person.externalId, { reference: 'x'.repeat(101) })).statusCode).toBe(400);
    await expect(
      ownerQuery(`INSERT INTO retention_run (started_at, cutoff, dry_run, status, trigger, cases_due) VALUES (now(), now(), true, 'completed', 'request', 0)`),
    ).rejects.toThrow(/retention_run_reference_check/);
  });
});
