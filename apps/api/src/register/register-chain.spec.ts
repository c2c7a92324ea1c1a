import { type ChainedEntry, chainHash, chainTime, GENESIS_HASH, personalDigest } from './register-chain';

const entry: ChainedEntry = {
  sequence: '1',
  at: chainTime(new Date('2026-11-26T10:00:00.123Z')),
  staffId: '00000000-0000-4000-8000-000000000001',
  staffRoles: ['moderator'],
  caseId: '00000000-0000-4000-8000-000000000002',
  conversationId: null,
  reportIds: [],
  subjectIds: [],
  legalBasis: 'GDPR-6-1-f',
  purpose: 'moderation.report-review',
  outcome: 'granted',
  reason: null,
  scope: { kind: 'context', messageCount: 3 },
  grantId: null,
  requestId: 'req-1',
  justificationDigest: 'a',
  ipDigest: 'b',
  userAgentDigest: 'c',
};

describe('the register chain', () => {
  it('keeps PostgreSQL’s microsecond form of the time', () => {
    expect(entry.at).toBe('2026-11-26T10:00:00.123000Z');
  });

  it('keeps the format of entries already written (digests computed once, by the first version)', () => {
    expect(chainHash(GENESIS_HASH, entry)).toBe('c4bdfc91a0d2564ee76d61606705c3caec4024956d6c59fe73d5cd6d5fee1d1a');
    expect(chainHash(GENESIS_HASH, { ...entry, reason: 'élève « test »' })).toBe('77fd5307145798fe0256d458fb63c6c02859fed35c822af0e28e1592637f8e6a');
    expect(personalDigest('5a17', 'Vérifier le signalement — élève')).toBe('fbfb39a4df169f2f67fa195bd14a018a1b486baa1f4e4abc21ac9c44e3767593');
  });

  it('changes with every chained field and with the previous hash', () => {
    const base = chainHash(GENESIS_HASH, entry);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('f'.repeat(64), entry)).not.toBe(base);
    for (const [field, value] of Object.entries({ sequence: '2', outcome: 'read', reason: 'role', requestId: null, staffRoles: ['lead'], justificationDigest: 'x' })) {
      expect(chainHash(GENESIS_HASH, { ...entry, [field]: value } as ChainedEntry)).not.toBe(base);
    }
  });

  it('does not depend on the key order of the scope object', () => {
    const reordered = { ...entry, scope: { messageCount: 3, kind: 'context' } };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, entry));
  });

  it('digests personal fields with their salt, so that equal values do not look equal', () => {
    expect(personalDigest('s1', '10.0.0.1')).not.toBe(personalDigest('s2', '10.0.0.1'));
    expect(personalDigest('s1', '10.0.0.1')).toBe(personalDigest('s1', '10.0.0.1'));
    expect(personalDigest('s1', null)).toBe(personalDigest('s1', ''));
  });
});
