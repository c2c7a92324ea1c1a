import { ManualClock } from '../common/clock';
import { RegisterService } from '../register/register.service';
import { RetentionService } from '../retention/retention.service';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';

const YEAR = 365 * 86_400_000;

// This file moves the clock by years and blanks journal entries: a database of its own.
describe("the staff journal's own retention", () => {
  let db: { url: string; drop(): Promise<void> };
  let t: TestApp;
  const clock = new ManualClock(new Date());
  const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => ownerQuery<T>(sql, params, db.url);
  let oldHead: number;

  beforeAll(async () => {
    db = await createOwnDatabase('vigie_journal_retention');
    t = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '', STAFF_JOURNAL_RETENTION: 'P5Y' }, clock });
    const account = await createStaff(t.app, ['dpo']);
    await signIn(t.app, account.email);
    [{ n: oldHead }] = await owner<{ n: number }>(`SELECT max(sequence)::int AS n FROM staff_activity`);
    clock.advance(6 * YEAR);
    await signIn(t.app, account.email);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('blanks the personal fields of entries older than STAFF_JOURNAL_RETENTION, records it, and the chain still verifies', async () => {
    const [{ n: personal }] = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM staff_activity WHERE sequence <= $1 AND (actor_id IS NOT NULL OR ip IS NOT NULL OR details <> '{}')`, [oldHead]);
    expect(personal).toBeGreaterThan(0);
    const run = await t.app.get(RetentionService).run({ dryRun: false, trigger: 'cli' });
    expect(run.status).toBe('completed');
    expect(run.counts.journalEntriesErased).toBe(oldHead);

    const old = await owner<{ actor_id: string | null; subject_id: string | null; ip: string | null; user_agent: string | null; details: object; erased_at: Date | null }>(
      `SELECT actor_id, subject_id, host(ip) AS ip, user_agent, details, erased_at FROM staff_activity WHERE sequence <= $1`,
      [oldHead],
    );
    expect(old.every((r) => r.actor_id === null && r.subject_id === null && r.ip === null && r.user_agent === null && Object.keys(r.details).length === 0 && r.erased_at !== null)).toBe(true);
    // The recent sign-in keeps its fields.
    const [recent] = await owner<{ actor_id: string | null; erased_at: Date | null }>(`SELECT actor_id, erased_at FROM staff_activity WHERE event = 'login.succeeded' ORDER BY sequence DESC LIMIT 1`);
    expect(recent.actor_id).not.toBeNull();
    expect(recent.erased_at).toBeNull();
    const [erasure] = await owner<{ details: Record<string, unknown> }>(`SELECT details FROM staff_activity WHERE event = 'journal.erased'`);
    expect(erasure.details).toMatchObject({ runId: run.id, entries: oldHead });

    const verification = await t.app.get(RegisterService).verify();
    expect(verification.journal.firstBroken).toBeUndefined();
    expect(verification.journal.intact).toBe(true);
    // A dry run erases nothing more, and a second run has nothing left to erase.
    expect((await t.app.get(RetentionService).run({ dryRun: false, trigger: 'cli' })).counts.journalEntriesErased).toBe(0);
  });

  it('refuses the application’s role an update of the journal, and detects a recent entry blanked through the erasure function', async () => {
    const [{ seq }] = await owner<{ seq: string }>(`SELECT max(sequence)::text AS seq FROM staff_activity WHERE event = 'login.succeeded'`);
    await expect(owner(`SET ROLE vigie_app; UPDATE staff_activity SET ip = NULL, user_agent = NULL WHERE sequence = ${seq}`)).rejects.toThrow(/permission denied/);
    // Whoever holds the application's credentials calls the erasure with a cutoff of their choosing.
    const future = new Date(clock.now().getTime() + 86_400_000).toISOString();
    const [{ n }] = await owner<{ n: string }>(`SET ROLE vigie_app; SELECT staff_activity_erase_personal('${future}', '${future}')::text AS n`);
    expect(Number(n)).toBeGreaterThan(0);
    const verification = await t.app.get(RegisterService).verify();
    expect(verification.intact).toBe(false);
    expect(verification.journal.firstBroken?.problem).toBe('erasure_unrecorded');
    expect(verification.journal.firstBroken?.sequence).toBeGreaterThan(oldHead);
  });
});
