import { ManualClock } from '../common/clock';
import { RetentionService } from '../retention/retention.service';
import { aReportedCase, claim, readGrant, requestAccess } from '../../test/gate-factory';
import { createStaff, signIn } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';

/**
 * Once retention erased a person's data, the DPO's search finds them no more — not by their old
 * name, not by their old platform id — and their report is a 404: what is left is a pseudonym.
 * Retention erases everything due in its database: this file works on a database of its own.
 */
describe("a person's access report after retention", () => {
  let db: { url: string; drop(): Promise<void> };
  let t: TestApp;
  const clock = new ManualClock(new Date());
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('no longer finds the person, by their old name or id, once retention erased their data', async () => {
    db = await createOwnDatabase('vigie_subjects');
    t = await createTestApp({ databaseUrl: db.url, clock, env: { MFA_REQUIRED_ROLES: '', RETENTION_PERIOD: 'P1Y' } });
    const emails = { dpo: (await createStaff(t.app, ['dpo'])).email, moderator: (await createStaff(t.app, ['moderator'])).email };
    const moderator = await signIn(t.app, emails.moderator);
    const { caseId, reportId, report } = await aReportedCase(t.app, { at: clock.now() });
    await claim(t.app, moderator, caseId);
    const grant = await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] });
    expect((await readGrant(t.app, moderator, grant.json().grantId)).statusCode).toBe(200);
    const name = `${report.reporter.displayName}`;
    const search = async (q: string) => {
      const dpo = await signIn(t.app, emails.dpo);
      return (await t.app.inject({ method: 'GET', url: `/api/v1/audit/subjects?q=${encodeURIComponent(q)}`, headers: dpo.headers() })).json();
    };
    const reportOf = async (externalId: string) => {
      const dpo = await signIn(t.app, emails.dpo);
      return t.app.inject({ method: 'GET', url: `/api/v1/audit/subjects/${encodeURIComponent(externalId)}/report`, headers: dpo.headers() });
    };
    // Before: found by name and id, with the two register entries.
    expect((await search(report.reporter.externalId)).data).toEqual([
      { externalId: report.reporter.externalId, displayName: name, casesAsReporter: 1, casesAsReported: 0 },
    ]);
    expect((await reportOf(report.reporter.externalId)).json().accesses).toHaveLength(2);

    clock.set(new Date(clock.now().getTime() + 400 * 24 * 3600_000));
    const run = await t.app.get(RetentionService).run({ dryRun: false, trigger: 'cli' });
    expect(run).toMatchObject({ status: 'completed', counts: expect.objectContaining({ casesPurged: 1 }) });

    expect(await search(name)).toEqual({ data: [], total: 0 });
    expect(await search(report.reporter.externalId)).toEqual({ data: [], total: 0 });
    expect(await search('erased')).toEqual({ data: [], total: 0 });
    const gone = await reportOf(report.reporter.externalId);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ details: { code: 'subject_not_found' } });
  });
});
