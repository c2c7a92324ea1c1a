import { JOURNAL_V1, journalV1Hash } from '../database/migrations/1764187200000-staff-journal';
import { chainTime, GENESIS_HASH } from '../common/hash-chain';
import { JOURNAL_FORMAT, type JournalChainedEntry, journalHash } from './staff-activity-chain';

const entry: JournalChainedEntry = {
  format: JOURNAL_FORMAT,
  sequence: '7',
  at: chainTime(new Date('2026-12-01T09:30:00.250Z')),
  event: 'staff.roles_changed',
  actorId: '00000000-0000-4000-8000-000000000001',
  subjectId: '00000000-0000-4000-8000-000000000002',
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 « test »',
  details: { to: ['lead'], from: ['moderator'], nested: { z: 1, a: [{ b: 2, a: 1 }] } },
};

describe('the staff journal chain', () => {
  it('hashes every chained field and the previous hash', () => {
    const base = journalHash(GENESIS_HASH, entry);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(journalHash('f'.repeat(64), entry)).not.toBe(base);
    for (const [field, value] of Object.entries({ format: 'vigie-journal-v0', sequence: '8', event: 'logout', actorId: null, ip: null, userAgent: 'curl', details: {} })) {
      expect({ field, hash: journalHash(GENESIS_HASH, { ...entry, [field]: value }) }).not.toEqual({ field, hash: base });
    }
  });

  it('does not depend on the order of the details’ keys (PostgreSQL’s jsonb keeps its own)', () => {
    const reordered = { ...entry, details: { nested: { a: [{ a: 1, b: 2 }], z: 1 }, from: ['moderator'], to: ['lead'] } };
    expect(journalHash(GENESIS_HASH, reordered)).toBe(journalHash(GENESIS_HASH, entry));
  });

  it('is the form the migration chained the entries written before it with', () => {
    expect(JOURNAL_V1).toBe(JOURNAL_FORMAT);
    expect(journalV1Hash(GENESIS_HASH, entry)).toBe(journalHash(GENESIS_HASH, entry));
    expect(journalV1Hash('a'.repeat(64), { ...entry, details: {} })).toBe(journalHash('a'.repeat(64), { ...entry, details: {} }));
  });
});
