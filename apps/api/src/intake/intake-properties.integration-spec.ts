import { type ReportPayload, storableText } from '@vigie/contracts';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { aReport, postSigned } from '../../test/intake-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * Whatever the platform forwards — text its users typed (control characters, U+0000, lone
 * surrogates), values of the wrong type, huge or deeply nested ones, participants in any order,
 * several reports on one conversation at once — intake never answers 5xx, and every report it
 * accepts (202) is stored. fast-check prints the seed and the shrunk counterexample on failure.
 */
describe('intake properties', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  // An address of this file's own (a documentation range): its budget is nobody else's.
  const remoteAddress = '192.0.2.16';
  const post = (url: string, raw: string, key?: string) => postSigned(t.app, url, raw, { remoteAddress, ...(key ? { key } : {}) });

  // Text as users type it, and as hostile ones do.
  const nasty = fc.oneof(
    fc.constantFrom('\u0000', '\u0001', '\u0008', '\u001b', '\u007f', '\u0085', '\u200b', '\u202e', '\u2028', '\ufeff', '\ufffe', '\uffff', '\u{10ffff}', '😀', 'é', '\\', '"', '%00'),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  );
  const userText = fc.oneof(
    { weight: 12, arbitrary: fc.array(fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 8 })), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(20_000), 'x'.repeat(20_001), '\u0000'.repeat(5000), ' '.repeat(300)) },
  );
  const instantLike = fc.oneof(
    fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('3000-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59-23:59', '2026-02-30T00:00:00Z', '2026-01-01T00:00:00+23:59', '2026-01-01 10:00', 'now', ''),
  );
  const wrongValue = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constant(nested(2000)), fc.constantFrom(null, -1, 1e308, '', [], {}));
  const paths: (string | number)[][] = [
    ['externalId'],
    ['reportedAt'],
    ['category'],
    ['comment'],
    ['reporter'],
    ['reporter', 'kind'],
    ['reporter', 'externalId'],
    ['reported', 'displayName'],
    ['conversation', 'participants'],
    ['conversation', 'participants', 0],
    ['conversation', 'messages'],
    ['conversation', 'messages', 0, 'body'],
    ['conversation', 'messages', 0, 'sentAt'],
    ['conversation', 'messages', 1, 'authorExternalId'],
    ['reportedMessageIds'],
    ['reportedMessageIds', 0],
    ['surprise'],
  ];

  /** `arbitrary` once in `every` values, else undefined (the field keeps its sound value). */
  const onceIn = <T,>(every: number, arbitrary: fc.Arbitrary<T>) =>
    fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

  /**
   * How one report of a run is spoilt (or not). Users' text is spoilt often — it must always be
   * accepted; the platform's own fields seldom, so that about half the reports are accepted.
   */
  const variant = fc.record({
    comment: onceIn(2, userText),
    reporterName: onceIn(2, userText),
    reportedName: onceIn(2, userText),
    bodies: fc.array(onceIn(2, userText), { maxLength: 3 }),
    extraMessages: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }) }),
    reportedAt: onceIn(10, instantLike),
    sentAt: onceIn(10, instantLike),
    wrong: onceIn(6, fc.tuple(fc.constantFrom(...paths), wrongValue)),
    participantOrder: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  });

  /** The people and messages of the conversation that every report of one run is about. */
  function aConversation() {
    const base = aReport();
    const people = Array.from({ length: 5 }, (_, i) => `${base.reporter.externalId}_${i}`);
    const messages = people.map((author, i) => ({
      externalId: `${base.conversation.externalId}_m${i}`,
      authorExternalId: author,
      sentAt: new Date(Date.now() - 600_000 + i * 1000).toISOString(),
      body: `Message ${i}`,
    }));
    return { externalId: base.conversation.externalId, people, messages };
  }

  function build(conversation: ReturnType<typeof aConversation>, v: VariantValue, i: number): string {
    const { people, messages } = conversation;
    const participants = [...people].sort((a, b) => (v.participantOrder[people.indexOf(a)] ?? 0) - (v.participantOrder[people.indexOf(b)] ?? 0));
    const extra = Array.from({ length: v.extraMessages }, (_, n) => ({
      externalId: `${conversation.externalId}_x${n}`,
      authorExternalId: people[n % people.length],
      sentAt: new Date(Date.now() - 500_000).toISOString(),
      body: 'y'.repeat(2500),
    }));
    const report: ReportPayload = aReport({
      externalId: `rep_${randomUUID()}`,
      reporter: { externalId: people[i % 5], kind: 'explorer', displayName: v.reporterName ?? 'Léa M.' },
      reported: { externalId: people[(i + 1) % 5], kind: 'expert', displayName: v.reportedName ?? 'Marc D.' },
      comment: v.comment ?? 'Il insiste.',
      conversation: {
        externalId: conversation.externalId,
        participants,
        messages: [...messages.map((m, n) => ({ ...m, body: v.bodies[n] ?? m.body, ...(n === 0 && v.sentAt ? { sentAt: v.sentAt } : {}) })), ...extra],
      },
      reportedMessageIds: [messages[(i + 1) % 5].externalId],
      ...(v.reportedAt ? { reportedAt: v.reportedAt } : {}),
    });
    if (v.wrong) setPath(report, v.wrong[0], v.wrong[1]);
    return JSON.stringify(report);
  }

  it('never answers 5xx to a report, and stores every report it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(variant, { minLength: 1, maxLength: 3 }), async (variants) => {
        const conversation = aConversation();
        const raws = variants.map((v, i) => build(conversation, v, i));
        // Reports on one conversation, at once, each listing its participants in its own order.
        const answers = await Promise.all(raws.map((raw) => post('/api/v1/intake/reports', raw, randomUUID())));
        for (const [i, res] of answers.entries()) {
          expect(res.statusCode).toBeLessThan(500);
          const externalId = (JSON.parse(raws[i]) as { externalId?: unknown }).externalId;
          if (res.statusCode === 202) {
            const [row] = await db.query(`SELECT id, case_id, comment, cleaned_fields FROM report WHERE external_id = $1`, [externalId]);
            expect({ id: row?.id, case_id: row?.case_id }).toEqual({ id: res.json().reportId, case_id: res.json().caseId });
            // The comment as written, only what PostgreSQL cannot store replaced — and said so.
            const comment = ((JSON.parse(raws[i]) as { comment: string }).comment ?? '').trim();
            expect(row.comment).toBe(storableText(comment) || null);
            expect(row.cleaned_fields.includes('comment')).toBe(storableText(comment) !== comment);
          } else if (typeof externalId === 'string') {
            const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM report WHERE external_id = $1`, [externalId]);
            expect(n).toBe(0);
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('never answers 5xx to activity signals, applies those on time and lists the others', async () => {
    const userId = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('u_a', 'u_b', 'u_c') }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) });
    const event = fc.record({ userExternalId: userId, at: instantLike });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 9, arbitrary: event }, { weight: 1, arbitrary: wrongValue }), { minLength: 1, maxLength: 6 }), async (events) => {
        const res = await post('/api/v1/intake/activity', JSON.stringify({ events }));
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode !== 202) return;
        const limit = Date.now() + 5 * 60_000;
        const ahead = events.flatMap((e, index) => (Date.parse((e as { at: string }).at) > limit ? [index] : []));
        expect((res.json().refused as { index: number }[]).map((r) => r.index)).toEqual(ahead);
      }),
      { numRuns: 80 },
    );
  });
});

type VariantValue = {
  comment?: string;
  reporterName?: string;
  reportedName?: string;
  bodies: (string | undefined)[];
  extraMessages: number;
  reportedAt?: string;
  sentAt?: string;
  wrong?: [(string | number)[], unknown];
  participantOrder: number[];
};

/** `[[[…]]]`, `depth` deep. */
function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function setPath(target: object, path: (string | number)[], value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) return;
    node = next as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
}
