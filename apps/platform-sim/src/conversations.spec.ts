import { createConversations, findUser, PERSONAS } from './conversations';

const now = new Date('2026-11-26T15:00:00Z');
const conversations = createConversations(now);

describe('createConversations', () => {
  it('holds a handful of conversations of 8 to 14 messages, with platform-like ids', () => {
    expect(conversations.length).toBeGreaterThanOrEqual(4);
    expect(conversations.length).toBeLessThanOrEqual(6);
    for (const conversation of conversations) {
      expect(conversation.id).toMatch(/^sim_c_\w+$/);
      expect(conversation.messages.length).toBeGreaterThanOrEqual(8);
      expect(conversation.messages.length).toBeLessThanOrEqual(14);
      expect(conversation.participants.every((id) => /^sim_u_\w+$/.test(id) && findUser(id))).toBe(true);
      expect(conversation.messages.every((m) => /^sim_m_\w+$/.test(m.id))).toBe(true);
    }
    const ids = conversations.flatMap((c) => c.messages.map((m) => m.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has both participants speak, one after the other in time, all before now', () => {
    for (const { participants, messages } of conversations) {
      expect(new Set(messages.map((m) => m.authorId))).toEqual(new Set(participants));
      const times = messages.map((m) => Date.parse(m.sentAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(times).size).toBe(times.length);
      expect(Math.max(...times)).toBeLessThan(now.getTime());
    }
  });

  it('gives each persona of the switch conversations to report from, with an explorer and an expert', () => {
    expect(PERSONAS.map((p) => p.kind)).toEqual(['explorer', 'expert']);
    for (const persona of PERSONAS) {
      expect(conversations.filter((c) => c.participants.includes(persona.id)).length).toBeGreaterThanOrEqual(2);
    }
  });
});
