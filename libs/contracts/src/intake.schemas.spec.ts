import { storableText } from './gate';
import { reportPayloadSchema, type ReportPayload, storableReport, type ValidReport } from './intake.schemas';

const valid = (): ReportPayload => ({
  externalId: 'rep_8f2c',
  reportedAt: '2026-11-20T10:00:00Z',
  category: 'harassment',
  comment: 'Il insiste pour me voir en dehors de la plateforme.',
  reporter: { externalId: 'u_1', kind: 'explorer', displayName: 'Léa M.' },
  reported: { externalId: 'u_2', kind: 'expert', displayName: 'Marc D.' },
  conversation: {
    externalId: 'c_9',
    participants: ['u_1', 'u_2'],
    messages: [{ externalId: 'm_1', authorExternalId: 'u_2', sentAt: '2026-11-20T09:58:00Z', body: 'On se voit ce soir ?' }],
  },
  reportedMessageIds: ['m_1'],
});

const problems = (payload: unknown) => {
  const result = reportPayloadSchema.safeParse(payload);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('reportPayloadSchema', () => {
  it('accepts the documented example', () => {
    expect(problems(valid())).toEqual([]);
  });

  it('refuses unknown fields and unknown categories, naming them', () => {
    const payload = { ...valid(), category: 'rudeness', extra: 1 };
    const found = problems(payload);
    expect(found.some((p) => p.startsWith('category:'))).toBe(true);
    expect(found.some((p) => /extra/.test(p))).toBe(true);
  });

  it('requires dates with a time zone', () => {
    expect(problems({ ...valid(), reportedAt: '2026-11-20 10:00' })[0]).toMatch(/^reportedAt: must be an ISO 8601/);
  });

  it('checks the snapshot is consistent: participants, authors, reported messages', () => {
    const payload = valid();
    payload.reportedMessageIds = ['m_404'];
    payload.conversation.messages[0].authorExternalId = 'u_9';
    payload.reported = { ...payload.reported, externalId: 'u_3' };
    expect(problems(payload)).toEqual(
      expect.arrayContaining([
        'reported.externalId: must be a participant of the conversation',
        'conversation.messages.0.authorExternalId: must be a participant',
        'reportedMessageIds.0: must be a message of the snapshot',
      ]),
    );
  });
});

describe('storableText', () => {
  it('replaces U+0000 and lone surrogates with U+FFFD, and keeps pairs and everything else', () => {
    expect(storableText('a\u0000b')).toBe('a\ufffdb');
    expect(storableText('\ud800x\udfff')).toBe('\ufffdx\ufffd');
    expect(storableText('x\udc00\ud800')).toBe('x\ufffd\ufffd');
    expect(storableText('😀 \ud83d\ude00 déjà \u0001\u200b\uffff')).toBe('😀 😀 déjà \u0001\u200b\uffff');
  });
});

describe('storableReport', () => {
  const parsed = (payload: ReportPayload): ValidReport => reportPayloadSchema.parse(payload);

  it('cleans what users wrote and names each cleaned field', () => {
    const payload = valid();
    payload.comment = 'x\u0000';
    payload.reported.displayName = 'Marc\ud800';
    payload.conversation.messages[0].body = '\u0000';
    const { report, cleanedFields, cleanedMessageIds } = storableReport(parsed(payload));
    expect(report.comment).toBe('x\ufffd');
    expect(report.reported.displayName).toBe('Marc\ufffd');
    expect(report.reporter.displayName).toBe('Léa M.');
    expect(report.conversation.messages[0].body).toBe('\ufffd');
    expect(cleanedFields).toEqual(['comment', 'reported.displayName', 'conversation.messages.0.body']);
    expect(cleanedMessageIds).toEqual(['m_1']);
  });

  it('leaves a clean report as it is', () => {
    const report = parsed(valid());
    expect(storableReport(report)).toEqual({ report, cleanedFields: [], cleanedMessageIds: [] });
  });
});

describe('platform dates and ids', () => {
  it('refuses a date before 2000 and duplicate participants', () => {
    const payload = valid();
    payload.reportedAt = '1999-12-31T23:59:59Z';
    payload.conversation.participants = ['u_1', 'u_2', 'u_1'];
    expect(problems(payload)).toEqual(['reportedAt: must be on or after 2000-01-01', 'conversation.participants: participant ids must be unique']);
  });
});
