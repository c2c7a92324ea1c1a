import type { ReportPayload, SubjectReport, SubjectSummary } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { claim, readGrant, requestAccess } from '../../test/gate-factory';
import { aReport, sendReport } from '../../test/intake-factory';
import { ownerQuery } from '../../test/owner-query';
import { flat, pdfText } from '../../test/pdf-text';
import { createStaff, type Session, signIn } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * A person's access report (GDPR Art. 15). The person reported in one case and was reported in
 * another; a third person took part in the first conversation and reported in a case of their
 * own. The report must hold every register entry of the person's cases, nothing of the third
 * person's case, and — in the document handed to the person — nobody else's name or id and no
 * message body.
 */
describe("a person's access report", () => {
  let t: TestApp;
  let dpo: Session;
  let moderator: Session;
  const tag = randomUUID().slice(0, 8);
  const canary = `canary-${randomUUID()}`;
  // The person: a name with accents, to be found without them.
  const person = { externalId: `u_person_${tag}`, displayName: `Zoë Élise Ñúñez ${tag}` };
  const other = { externalId: `u_other_${tag}`, displayName: `Rémi Autrui ${tag}` };
  const third = { externalId: `u_third_${tag}`, displayName: `Ophélie Tierce ${tag}` };
  const fourth = { externalId: `u_fourth_${tag}`, displayName: `Gaspard Quart ${tag}` };
  const moderatorName = `Modératrice Nommée ${tag}`;
  const cases: Record<'asReporter' | 'asReported' | 'unrelated', { caseId: string; reportId: string }> = {} as never;

  /** A conversation between `participants`, each writing one message that carries the canary. */
  async function aCase(key: keyof typeof cases, reporter: typeof person, reported: typeof person, participants: (typeof person)[]) {
    const id = `${key}_${tag}`;
    const report: ReportPayload = aReport({}, id);
    report.reporter = { externalId: reporter.externalId, kind: 'explorer', displayName: reporter.displayName };
    report.reported = { externalId: reported.externalId, kind: 'expert', displayName: reported.displayName };
    report.conversation = {
      externalId: `c_${id}`,
      participants: participants.map((p) => p.externalId),
      messages: participants.map((p, i) => ({
        externalId: `m_${i}_${id}`,
        authorExternalId: p.externalId,
        sentAt: new Date(Date.now() - (participants.length - i) * 60_000).toISOString(),
        body: `Message ${i} ${canary}`,
      })),
    };
    report.comment = `Commentaire ${canary}`;
    report.reportedMessageIds = [`m_${participants.length - 1}_${id}`];
    const res = await sendReport(t.app, report);
    expect(res.statusCode).toBe(202);
    cases[key] = res.json();
  }

  const get = (session: Session | undefined, url: string) => t.app.inject({ method: 'GET', url, headers: session?.headers() });
  const reportUrl = (externalId: string, query = '') => `/api/v1/audit/subjects/${encodeURIComponent(externalId)}/report${query}`;

  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '', CONTROLLER_NAME: `Exemple SAS ${tag}`, DPO_CONTACT: `dpo-${tag}@example.org` } });
    dpo = await signIn(t.app, (await createStaff(t.app, ['dpo'])).email);
    moderator = await signIn(t.app, (await createStaff(t.app, ['moderator'], { name: moderatorName })).email);
    const outsider = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);

    await aCase('asReporter', person, other, [person, other, third]);
    await aCase('asReported', other, person, [other, person]);
    await aCase('unrelated', third, fourth, [third, fourth]);

    for (const key of ['asReporter', 'asReported', 'unrelated'] as const) {
      const { caseId, reportId } = cases[key];
      await claim(t.app, moderator, caseId);
      const grant = await requestAccess(t.app, moderator, caseId, { reportIds: [reportId], scope: key === 'asReported' ? 'full' : 'context' });
      expect(grant.statusCode).toBe(201);
      expect((await readGrant(t.app, moderator, grant.json().grantId)).statusCode).toBe(200);
      // Someone else's attempt, refused and recorded.
      expect((await requestAccess(t.app, outsider, caseId, { reportIds: [reportId] })).statusCode).toBe(403);
    }
    // The DPO knocking at the gate: refused for their role before the conversation is looked at.
    expect((await requestAccess(t.app, dpo, cases.asReported.caseId, { reportIds: [cases.asReported.reportId] })).statusCode).toBe(403);
  });
  afterAll(() => t?.close());

  describe('finding the person', () => {
    const search = async (q: string) => {
      const res = await get(dpo, `/api/v1/audit/subjects?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      return res.json<{ data: SubjectSummary[]; total: number }>();
    };

    it('finds them by part of their name, without its case or accents, with their cases counted', async () => {
      const found = await search(`ZOE ELISE NUNEZ ${tag}`);
      expect(found).toEqual({
        data: [{ externalId: person.externalId, displayName: person.displayName, casesAsReporter: 1, casesAsReported: 1 }],
        total: 1,
      });
    });

    it('finds them by the beginning of their platform id, in any case, and pages', async () => {
      expect((await search(`U_PERSON_${tag.toUpperCase()}`)).data.map((s) => s.externalId)).toEqual([person.externalId]);
      // Not by the middle of an id: a prefix only.
      expect((await search(`person_${tag}`)).total).toBe(0);
      const res = await get(dpo, `/api/v1/audit/subjects?q=${tag}&perPage=2&page=2`);
      // Names carry the tag: all four people match, the second page holds the last two.
      expect(res.json()).toMatchObject({ total: 4 });
      expect(res.json().data).toHaveLength(2);
    });

    it('takes wildcards literally', async () => {
      // Scoped to this file's people: other files share the database and may hold a literal '%'.
      // Read as wildcards, each of these would match all four of them.
      expect((await search(`u_%_${tag}`)).total).toBe(0);
      expect((await search(`u_p%${tag}`)).total).toBe(0);
      expect((await search(`%${tag}`)).total).toBe(0);
      // The same query without the wildcard finds the person, so the zeros above mean something.
      expect((await search(`u_person_${tag}`)).total).toBe(1);
    });

    it('refuses a search without a query with a 400 naming it', async () => {
      const res = await get(dpo, '/api/v1/audit/subjects');
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('q');
    });
  });

  describe('the report', () => {
    let report: SubjectReport;
    beforeAll(async () => {
      const res = await get(dpo, reportUrl(person.externalId));
      expect(res.statusCode).toBe(200);
      report = res.json();
    });

    it('holds every register entry of every case where the person reported or was reported, and nothing else', async () => {
      const expected = await ownerQuery<{ sequence: string }>(
        `SELECT sequence::text FROM access_log WHERE case_id = ANY ($1::uuid[]) ORDER BY access_log.sequence`,
        [[cases.asReporter.caseId, cases.asReported.caseId]],
      );
      // Grant, read and refusal on each of the two cases, and the DPO's refusal.
      expect(expected).toHaveLength(7);
      expect(report.accesses.map((a) => a.sequence)).toEqual(expected.map((e) => Number(e.sequence)));
      expect(report.accesses.some((a) => a.caseId === cases.unrelated.caseId)).toBe(false);
      expect(report.cases.map((c) => [c.caseId, c.roles])).toEqual([
        [cases.asReporter.caseId, ['reporter']],
        [cases.asReported.caseId, ['reported']],
      ]);
      expect(report.cases[0]).toMatchObject({ otherParticipants: 2, categories: ['harassment'], dataPurgedAt: null });
    });

    it('describes each access: purpose, legal basis, scope with the messages the person wrote, staff by content role', () => {
      const [granted, read, denied] = report.accesses;
      expect(granted).toMatchObject({
        caseId: cases.asReporter.caseId,
        outcome: 'granted',
        purpose: 'moderation.report-review',
        legalBasis: 'GDPR-6-1-f',
        liaVersion: 1,
        staffRole: 'moderator',
        staffName: moderatorName,
        roles: ['reporter'],
        scope: { kind: 'context', messageCount: 3, ownMessageCount: null },
      });
      // The read entry lists the messages read: one of the three is the person's.
      expect(read).toMatchObject({ outcome: 'read', scope: { kind: 'context', messageCount: 3, ownMessageCount: 1 } });
      expect(denied).toMatchObject({ outcome: 'denied', reason: 'not_assignee', scope: null });
      expect(report.accesses[4]).toMatchObject({ outcome: 'read', roles: ['reported'], scope: { kind: 'full', messageCount: 2, ownMessageCount: 1 } });
    });

    it('names nobody else and carries no body, comment or internal id of anyone else', () => {
      const text = JSON.stringify(report);
      for (const leak of [canary, other.externalId, other.displayName, third.externalId, third.displayName, fourth.externalId]) {
        expect(text).not.toContain(leak);
      }
    });

    it('answers 404 subject_not_found for an unknown person', async () => {
      const unknown = await get(dpo, reportUrl(`u_nobody_${tag}`));
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ details: { code: 'subject_not_found' } });
    });

    it('refuses an unknown format or language with a 400, and journals nothing for it', async () => {
      const generated = async () =>
        (await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM staff_activity WHERE event = 'subject.report_generated'`))[0].n;
      const before = await generated();
      for (const query of ['?format=xlsx', '?lang=de', '?includeStaff=yes', '?what=1']) {
        expect((await get(dpo, reportUrl(person.externalId, query))).statusCode).toBe(400);
      }
      expect(await generated()).toBe(before);
    });
  });

  describe('the document handed to the person', () => {
    const pdfOf = async (query: string) => {
      const res = await get(dpo, reportUrl(person.externalId, query));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`attachment; filename="vigie-access-report-${person.externalId}-`);
      return flat(await pdfText(res.rawPayload));
    };

    it('is in French by default: dates, purposes and legal basis in plain words, what was read, staff by role', async () => {
      const text = await pdfOf('?format=pdf');
      const [{ at }] = await ownerQuery<{ at: Date }>(`SELECT at FROM access_log WHERE case_id = $1 AND outcome = 'granted'`, [cases.asReporter.caseId]);
      const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(at);
      expect(text).toContain('Relevé des accès à vos données');
      expect(text).toContain(person.displayName);
      expect(text).toContain(day);
      expect(text).toContain('Examiner un signalement fait sur la plateforme (modération)');
      expect(text).toContain('Intérêt légitime (RGPD, article 6, paragraphe 1, point f)');
      expect(text).toContain('3 messages, dont 1 écrit par vous');
      expect(text).toContain('une conversation entre vous et 2 autres participants');
      expect(text).toContain('une conversation entre vous et un autre participant');
      expect(text).toContain('Demande de lecture refusée');
      expect(text).toContain('un membre de l’équipe de modération');
      expect(text).toContain(`Exemple SAS ${tag}`);
      expect(text).toContain(`dpo-${tag}@example.org`);
      expect(text).not.toContain(moderatorName);
      for (const leak of [canary, other.externalId, other.displayName, third.externalId, third.displayName, cases.asReporter.caseId]) {
        expect(text).not.toContain(leak);
      }
    });

    it('is in English with lang=en, and names staff only when asked to', async () => {
      const text = await pdfOf('?format=pdf&lang=en&includeStaff=true');
      expect(text).toContain('Record of access to your data');
      expect(text).toContain('Legitimate interest (GDPR, Article 6(1)(f))');
      expect(text).toContain('3 messages, 1 of them written by you');
      expect(text).toContain(`${moderatorName} (a member of the moderation team)`);
      expect(text).not.toContain(canary);
      expect(text).not.toContain(third.displayName);
    });
  });

  describe('the CSV', () => {
    it('holds the same rows, staff by role unless asked, and every cell a spreadsheet would compute defused', async () => {
      const formulaName = `=HYPERLINK("http://evil.example/${tag}")`;
      const [{ id }] = await ownerQuery<{ id: string }>(`UPDATE staff_user SET name = $1 WHERE name = $2 RETURNING id`, [formulaName, moderatorName]);
      try {
        const plain = await get(dpo, reportUrl(person.externalId, '?format=csv'));
        expect(plain.statusCode).toBe(200);
        expect(plain.headers['content-type']).toBe('text/csv; charset=utf-8');
        const lines = plain.body.trim().split('\r\n');
        expect(lines[0]).toContain('"sequence","at","case_id","outcome"');
        expect(lines).toHaveLength(8);
        expect(plain.body).not.toContain(id);
        expect(plain.body).not.toContain('HYPERLINK');

        const named = await get(dpo, reportUrl(person.externalId, '?format=csv&includeStaff=true'));
        expect(named.body).toContain(`"'=HYPERLINK(""http://evil.example/${tag}"")"`);
        expect(named.body).not.toContain(`"=HYPERLINK`);
        expect(named.body).toContain(id);
        for (const leak of [canary, third.externalId, other.externalId]) expect(named.body).not.toContain(leak);
      } finally {
        await ownerQuery(`UPDATE staff_user SET name = $1 WHERE id = $2`, [moderatorName, id]);
      }
    });
  });

  it('journals each report generated, with the person and the format', async () => {
    const before = new Date();
    await get(dpo, reportUrl(person.externalId, '?format=csv'));
    await get(dpo, reportUrl(person.externalId, '?format=pdf&lang=en'));
    const rows = await ownerQuery<{ actor_id: string; details: Record<string, unknown> }>(
      `SELECT actor_id, details FROM staff_activity WHERE event = 'subject.report_generated' AND at >= $1 ORDER BY sequence`,
      [before],
    );
    expect(rows.map((r) => r.details)).toEqual([
      expect.objectContaining({ externalId: person.externalId, format: 'csv', includeStaff: false }),
      expect.objectContaining({ externalId: person.externalId, format: 'pdf', lang: 'en' }),
    ]);
    expect(rows.every((r) => r.actor_id === dpo.body.user.id)).toBe(true);
  });

  it('is for the DPO alone', async () => {
    for (const role of ['moderator', 'lead', 'admin'] as const) {
      const session = await signIn(t.app, (await createStaff(t.app, [role])).email);
      expect((await get(session, `/api/v1/audit/subjects?q=${tag}`)).statusCode).toBe(403);
      expect((await get(session, reportUrl(person.externalId, '?format=pdf'))).statusCode).toBe(403);
    }
    expect((await get(undefined, reportUrl(person.externalId))).statusCode).toBe(401);
  });
});
