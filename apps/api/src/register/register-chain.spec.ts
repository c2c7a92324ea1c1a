import { canonical, type ChainedEntry, chainHash, chainTime, GENESIS_HASH, personalDigest, REGISTER_FORMAT } from './register-chain';

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
  liaVersion: null,
};

describe('the register chain', () => {
  it('keeps PostgreSQL’s microsecond form of the time', () => {
    expect(entry.at).toBe('2026-11-26T10:00:00.123000Z');
  });

  it('keeps format 1 for the entries written in it (digests computed once, by the first version)', () => {
    expect(chainHash(GENESIS_HASH, entry, 1)).toBe('c4bdfc91a0d2564ee76d61606705c3caec4024956d6c59fe73d5cd6d5fee1d1a');
    expect(chainHash(GENESIS_HASH, { ...entry, reason: 'élève « test »' }, 1)).toBe('77fd5307145798fe0256d458fb63c6c02859fed35c822af0e28e1592637f8e6a');
    expect(personalDigest('5a17', 'Vérifier le signalement — élève')).toBe('fbfb39a4df169f2f67fa195bd14a018a1b486baa1f4e4abc21ac9c44e3767593');
  });

  it('keeps format 2 for the entries written in it (golden vectors)', () => {
    expect(canonical(entry, 2)).toBe(
      '["vigie-register",2,"1","2026-11-26T10:00:00.123000Z","00000000-0000-4000-8000-000000000001",["moderator"],' +
        '"00000000-0000-4000-8000-000000000002",null,[],[],"GDPR-6-1-f","moderation.report-review","granted",null,' +
        '{"kind":"context","messageCount":3},null,"req-1","a","b","c"]',
    );
    expect(chainHash(GENESIS_HASH, entry, 2)).toBe('c3e26685831c80489444b40fb804e0db57fa46656cad5ea0251b810cb56d7343');
    // Format 2 does not cover the assessment's version.
    expect(chainHash(GENESIS_HASH, { ...entry, liaVersion: 4 }, 2)).toBe('c3e26685831c80489444b40fb804e0db57fa46656cad5ea0251b810cb56d7343');
    expect(chainHash(GENESIS_HASH, { ...entry, reason: 'élève « test »' }, 2)).toBe('b0aecdc842b9f0a47121792b8bffb65f3f9475ae1b0af3d02de54e1c5b55d032');
    const twoRoles: ChainedEntry = {
      ...entry,
      staffRoles: ['lead', 'moderator'],
      reportIds: ['00000000-0000-4000-8000-000000000003'],
      subjectIds: ['00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000005'],
      scope: null,
    };
    expect(chainHash('f'.repeat(64), twoRoles, 2)).toBe('8bd66c36cb13acb33281d4fb9c9412e2a04b950b03da7f1288dfe6fd8deb3e87');
  });

  it('pins format 3, the one new entries are written in: format 2 and the assessment’s version (golden vectors)', () => {
    expect(REGISTER_FORMAT).toBe(3);
    const v2 = { ...entry, liaVersion: 2 };
    expect(canonical(v2, 3)).toBe(
      '["vigie-register",3,"1","2026-11-26T10:00:00.123000Z","00000000-0000-4000-8000-000000000001",["moderator"],' +
        '"00000000-0000-4000-8000-000000000002",null,[],[],"GDPR-6-1-f","moderation.report-review","granted",null,' +
        '{"kind":"context","messageCount":3},null,"req-1","a","b","c","2"]',
    );
    expect(chainHash(GENESIS_HASH, v2)).toBe('cb45914c2c40d1739e92793f1a961d1d4e7067fa42622c605a0eef109f7654c4');
    expect(chainHash(GENESIS_HASH, { ...entry, liaVersion: 3 })).not.toBe('cb45914c2c40d1739e92793f1a961d1d4e7067fa42622c605a0eef109f7654c4');
    expect(chainHash(GENESIS_HASH, entry)).not.toBe('cb45914c2c40d1739e92793f1a961d1d4e7067fa42622c605a0eef109f7654c4');
    expect(chainHash(GENESIS_HASH, v2, 2)).not.toBe('cb45914c2c40d1739e92793f1a961d1d4e7067fa42622c605a0eef109f7654c4');
  });

  it('tells the formats apart: the same entry hashes differently in each, and the values’ shapes count', () => {
    expect(chainHash(GENESIS_HASH, entry, 2)).not.toBe(chainHash(GENESIS_HASH, entry, 1));
    const roles = (staffRoles: string[]) => chainHash(GENESIS_HASH, { ...entry, staffRoles }, 2);
    expect(roles(['dpo,moderator'])).not.toBe(roles(['dpo', 'moderator']));
    expect(roles([''])).not.toBe(roles([]));
    expect(chainHash(GENESIS_HASH, { ...entry, scope: { kind: 'context', messageCount: '3' } }, 2)).not.toBe(chainHash(GENESIS_HASH, entry, 2));
    expect(chainHash(GENESIS_HASH, { ...entry, reason: '' }, 2)).not.toBe(chainHash(GENESIS_HASH, { ...entry, reason: null }, 2));
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
