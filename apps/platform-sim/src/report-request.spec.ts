import { reportPayloadSchema } from '@vigie/contracts';
import { createConversations } from './conversations';
import { buildReportPayload, parseReportRequest, ReportRequestError } from './report-request';

const conversations = createConversations(new Date('2026-11-26T15:00:00Z'));

describe('buildReportPayload', () => {
  it('builds, for any message of the other person, a report the contracts accept', () => {
    let built = 0;
    for (const conversation of conversations) {
      for (const reporterId of conversation.participants) {
        for (const message of conversation.messages.filter((m) => m.authorId !== reporterId)) {
          const request = parseReportRequest(
            { conversationId: conversation.id, messageId: message.id, category: 'other', comment: '', reporterId },
            conversations,
          );
          const payload = buildReportPayload(request, conversations, new Date('2026-11-26T15:00:01Z'));
          const parsed = reportPayloadSchema.safeParse(payload);
          expect(parsed.error?.issues).toBeUndefined();
          built++;
        }
      }
    }
    expect(built).toBe(conversations.reduce((sum, c) => sum + c.messages.length, 0));
  });

  it('leaves out of the snapshot what was sent after the report', () => {
    const request = parseReportRequest(
      { conversationId: 'sim_c_damien_lea', messageId: 'sim_m_damien_lea_02', category: 'other', reporterId: 'sim_u_lea' },
      conversations,
    );
    const third = conversations.find((c) => c.id === 'sim_c_damien_lea')?.messages[2];

    const payload = buildReportPayload(request, conversations, new Date(third?.sentAt ?? ''));

    expect(payload.conversation.messages.map((m) => m.externalId)).toEqual(['sim_m_damien_lea_01', 'sim_m_damien_lea_02', 'sim_m_damien_lea_03']);
  });
});

describe('parseReportRequest', () => {
  it('refuses a body that is not an object', () => {
    expect(() => parseReportRequest(['minor_safety'], conversations)).toThrow(ReportRequestError);
    expect(() => parseReportRequest(null, conversations)).toThrow('La requête doit être un objet JSON.');
  });

  it('refuses a comment that is not text', () => {
    expect(() =>
      parseReportRequest(
        { conversationId: 'sim_c_damien_lea', messageId: 'sim_m_damien_lea_10', category: 'minor_safety', comment: 42, reporterId: 'sim_u_lea' },
        conversations,
      ),
    ).toThrow('Le commentaire doit être un texte.');
  });
});
