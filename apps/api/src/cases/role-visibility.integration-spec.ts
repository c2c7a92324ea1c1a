import { randomUUID } from 'node:crypto';
import { aReportedCase, claim } from '../../test/gate-factory';
import { aReport, sendReport } from '../../test/intake-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, type Session, signIn } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * What each role sees of a case, tried as a curious member of staff would: the DPO and admins
 * never get the conversation's context (comments, notes, decision facts, appeal statements)
 * through a side door, admins never read why a case is held, and notes belong to the people who
 * work the case.
 */
describe('what each role sees', () => {
  let t: TestApp;
  let assignee: Session;
  let otherModerator: Session;
  let lead: Session;
  let dpo: Session;
  let admin: Session;
  let assigneeId: string;
  let dpoId: string;

  const secret = () => `secret-${randomUUID()}`;
  const inject = (session: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers(method !== 'GET'), payload });

  /** A case claimed by `assignee`, with a comment, a note and a decision whose facts carry `canary`. */
  async function aWorkedCase(canary: string) {
    const report = aReport({ comment: `Il insiste ${canary}` });
    const sent = await sendReport(t.app, report);
    const { caseId } = sent.json<{ caseId: string }>();
    await claim(t.app, assignee, caseId);
    expect((await inject(assignee, 'POST', `/cases/${caseId}/notes`, { text: `Note ${canary}` })).statusCode).toBe(201);
    const version = (await inject(assignee, 'GET', `/cases/${caseId}`)).json<{ version: number }>().version;
    const decided = await inject(assignee, 'POST', `/cases/${caseId}/decision`, {
      action: 'warning',
      policyClause: 'cgu.4.2-harcelement',
      statement: { facts: `Les faits établis : ${canary}`, ground: 'CGU 4.2', automated: false, redress: 'Recours interne sous 6 mois.' },
      version,
    });
    expect(decided.statusCode).toBe(200);
    return { caseId, report };
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' } });
    const accounts = {
      assignee: await createStaff(t.app, ['moderator']),
      otherModerator: await createStaff(t.app, ['moderator']),
      lead: await createStaff(t.app, ['lead']),
      dpo: await createStaff(t.app, ['dpo']),
      admin: await createStaff(t.app, ['admin']),
    };
    assigneeId = accounts.assignee.id;
    dpoId = accounts.dpo.id;
    assignee = await signIn(t.app, accounts.assignee.email);
    otherModerator = await signIn(t.app, accounts.otherModerator.email);
    lead = await signIn(t.app, accounts.lead.email);
    dpo = await signIn(t.app, accounts.dpo.email);
    admin = await signIn(t.app, accounts.admin.email);
  });
  afterAll(() => t?.close());

  describe('legal holds', () => {
    it('answers a placed or lifted hold with the hold only, never the case', async () => {
      const canary = secret();
      const { caseId } = await aWorkedCase(canary);
      const reason = 'Réquisition judiciaire n° 2026/118';

      const placed = await inject(dpo, 'POST', `/cases/${caseId}/legal-hold`, { reason });
      expect(placed.statusCode).toBe(200);
      expect(placed.body).not.toContain(canary);
      expect(placed.json()).toEqual({ caseId, legalHold: true, reason, at: expect.any(String), by: { id: dpoId, name: expect.any(String) } });

      const lifted = await inject(dpo, 'DELETE', `/cases/${caseId}/legal-hold`, { reason: 'Procédure close, levée autorisée.' });
      expect(lifted.statusCode).toBe(200);
      expect(lifted.body).not.toContain(canary);
      expect(lifted.json()).toEqual({ caseId, legalHold: false, reason: 'Procédure close, levée autorisée.', at: expect.any(String), by: { id: dpoId, name: expect.any(String) } });
    });

    it('lists holds with their reason for leads and the DPO, without it for admins', async () => {
      const { caseId } = await aReportedCase(t.app);
      const reason = `Enquête en cours ${secret()}`;
      expect((await inject(lead, 'POST', `/cases/${caseId}/legal-hold`, { reason })).statusCode).toBe(200);
      const holdOf = async (session: Session) =>
        (await inject(session, 'GET', '/retention/legal-holds')).json<{ data: { caseId: string; reason: string | null }[] }>().data.find((h) => h.caseId === caseId);

      expect(await holdOf(dpo)).toMatchObject({ caseId, reason });
      expect(await holdOf(lead)).toMatchObject({ caseId, reason });
      const asAdmin = await inject(admin, 'GET', '/retention/legal-holds');
      expect(asAdmin.statusCode).toBe(200);
      expect(asAdmin.body).not.toContain(reason);
      expect(asAdmin.json<{ data: { caseId: string; reason: string | null }[] }>().data.find((h) => h.caseId === caseId)).toMatchObject({ caseId, reason: null });
    });

    it('shows moderators that a case is held, not why', async () => {
      const { caseId } = await aReportedCase(t.app);
      const reason = `Demande de la police ${secret()}`;
      expect((await inject(lead, 'POST', `/cases/${caseId}/legal-hold`, { reason })).statusCode).toBe(200);
      const seen = await inject(otherModerator, 'GET', `/cases/${caseId}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json()).toMatchObject({ legalHold: true, legalHoldDetail: { reason: null } });
      expect(seen.body).not.toContain(reason);
      expect((await inject(lead, 'GET', `/cases/${caseId}`)).body).toContain(reason);
      // Nor when the case comes back from working it: claiming it, closing it.
      const claimed = await inject(otherModerator, 'POST', `/cases/${caseId}/claim`, {});
      expect(claimed.statusCode).toBe(200);
      expect(claimed.body).not.toContain(reason);
      const stale = await inject(otherModerator, 'POST', `/cases/${caseId}/status`, { transition: 'close', version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.body).not.toContain(reason);
    });
  });

  describe('the DPO’s view of a case', () => {
    it('is metadata only: categories, dates, statuses, event types, decisions’ actions and clauses', async () => {
      const canary = secret();
      const { caseId, report } = await aWorkedCase(canary);

      const res = await inject(dpo, 'GET', `/cases/${caseId}/metadata`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(canary);
      const metadata = res.json();
      expect(metadata).toMatchObject({
        id: caseId,
        status: 'actioned',
        categories: [report.category],
        createdAt: expect.any(String),
        lastActivityAt: expect.any(String),
        legalHold: false,
        decisions: [{ action: 'warning', policyClause: 'cgu.4.2-harcelement', state: 'effective', decidedAt: expect.any(String) }],
        reports: [{ category: report.category, reportedAt: report.reportedAt, reporterExternalId: report.reporter.externalId, reportedExternalId: report.reported.externalId }],
      });
      expect(metadata.timeline.map((e: { type: string }) => e.type)).toEqual(['case_opened', 'claimed', 'note_added', 'decision']);
      // Parties by platform id and name: what the register and the subject's report name.
      expect(metadata.participants).toEqual(
        expect.arrayContaining([{ externalId: report.reporter.externalId, displayName: report.reporter.displayName }]),
      );
      expect(Object.keys(metadata)).not.toEqual(expect.arrayContaining(['notes']));
    });

    it('is recorded in the staff journal', async () => {
      const { caseId } = await aReportedCase(t.app);
      expect((await inject(dpo, 'GET', `/cases/${caseId}/metadata`)).statusCode).toBe(200);
      const rows = await ownerQuery<{ event: string; actor_id: string }>(`SELECT event, actor_id FROM staff_activity WHERE details->>'caseId' = $1`, [caseId]);
      expect(rows).toEqual([{ event: 'case.metadata_viewed', actor_id: dpoId }]);
    });

    it('is the DPO’s only: moderators, leads and admins are refused; an unknown case is a 404', async () => {
      const { caseId } = await aReportedCase(t.app);
      for (const session of [assignee, lead, admin]) expect((await inject(session, 'GET', `/cases/${caseId}/metadata`)).statusCode).toBe(403);
      expect((await inject(dpo, 'GET', `/cases/${randomUUID()}/metadata`)).statusCode).toBe(404);
    });
  });

  describe('notes', () => {
    it('refuses a note from a moderator who is not the assignee (403 not_assignee), and lets the assignee and leads write', async () => {
      const { caseId } = await aReportedCase(t.app);
      await claim(t.app, assignee, caseId);
      const intruder = await inject(otherModerator, 'POST', `/cases/${caseId}/notes`, { text: 'Je passais par là.' });
      expect(intruder.statusCode).toBe(403);
      expect(intruder.json()).toMatchObject({ details: { code: 'not_assignee' } });
      expect((await inject(assignee, 'POST', `/cases/${caseId}/notes`, { text: 'Vu le signalement.' })).statusCode).toBe(201);
      expect((await inject(lead, 'POST', `/cases/${caseId}/notes`, { text: 'Je suis le dossier.' })).statusCode).toBe(201);
      const notes = (await inject(lead, 'GET', `/cases/${caseId}`)).json<{ notes: { text: string }[] }>().notes;
      expect(notes.map((n) => n.text)).toEqual(['Vu le signalement.', 'Je suis le dossier.']);
    });

    it('refuses a note on an unassigned case to a moderator, and the edit of a note after the case went to someone else', async () => {
      const { caseId } = await aReportedCase(t.app);
      expect((await inject(otherModerator, 'POST', `/cases/${caseId}/notes`, { text: 'Avant de prendre le dossier.' })).json()).toMatchObject({ details: { code: 'not_assignee' } });

      await claim(t.app, otherModerator, caseId);
      const note = (await inject(otherModerator, 'POST', `/cases/${caseId}/notes`, { text: 'Première lecture.' })).json<{ id: string }>();
      const version = (await inject(lead, 'GET', `/cases/${caseId}`)).json<{ version: number }>().version;
      expect((await inject(lead, 'POST', `/cases/${caseId}/assign`, { assigneeId, version })).statusCode).toBe(200);
      const edit = await inject(otherModerator, 'PATCH', `/cases/${caseId}/notes/${note.id}`, { text: 'Modifiée après coup.' });
      expect(edit.statusCode).toBe(403);
      expect(edit.json()).toMatchObject({ details: { code: 'not_assignee' } });
    });

    it('shows notes’ contents to the assignee and leads only', async () => {
      const canary = secret();
      const { caseId } = await aReportedCase(t.app);
      await claim(t.app, assignee, caseId);
      expect((await inject(assignee, 'POST', `/cases/${caseId}/notes`, { text: `Piste ${canary}` })).statusCode).toBe(201);

      expect((await inject(assignee, 'GET', `/cases/${caseId}`)).body).toContain(canary);
      expect((await inject(lead, 'GET', `/cases/${caseId}`)).body).toContain(canary);
      const other = await inject(otherModerator, 'GET', `/cases/${caseId}`);
      expect(other.statusCode).toBe(200);
      expect(other.body).not.toContain(canary);
      expect(other.json()).toMatchObject({ notes: [] });
    });

    it('keeps notes and hold reasons out of the case a conflict answers with', async () => {
      const canary = secret();
      const { caseId } = await aReportedCase(t.app);
      await claim(t.app, assignee, caseId);
      expect((await inject(assignee, 'POST', `/cases/${caseId}/notes`, { text: `Piste ${canary}` })).statusCode).toBe(201);
      expect((await inject(lead, 'POST', `/cases/${caseId}/legal-hold`, { reason: `Gel ${canary}` })).statusCode).toBe(200);

      // Claiming someone else's case: 409 with the case as it is, as this moderator may see it.
      const claimed = await inject(otherModerator, 'POST', `/cases/${caseId}/claim`, {});
      expect(claimed.statusCode).toBe(409);
      expect(claimed.json()).toMatchObject({ details: { code: 'already_assigned', case: { id: caseId, notes: [] } } });
      expect(claimed.body).not.toContain(canary);
      // A stale close: 409 stale_version, the same.
      const closed = await inject(otherModerator, 'POST', `/cases/${caseId}/status`, { transition: 'close', version: 1 });
      expect(closed.statusCode).toBe(409);
      expect(closed.body).not.toContain(canary);
      // The assignee's own conflict still shows them their notes.
      expect((await inject(assignee, 'POST', `/cases/${caseId}/status`, { transition: 'close', version: 1 })).body).toContain(`Piste ${canary}`);
    });
  });
});
