import { reportPayloadSchema, type ReportPayload } from './intake.schemas';

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
