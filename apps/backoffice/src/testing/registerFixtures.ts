import {
  ACCESS_PURPOSE,
  type AccessLogEntry,
  LEGAL_BASIS,
  type RegisterVerification,
  type SignedCheckpoint,
} from '@vigie/contracts';

/** A `read` entry as `GET /audit/access-log` answers it, unless told otherwise. */
export const anEntry = (overrides: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
  sequence: 4512,
  at: '2026-11-26T09:30:12.000Z',
  staff: { id: '2b4c6d8e-0000-4000-8000-000000000001', name: 'Camille Moreau', roles: ['moderator'] },
  caseId: '6f1b1c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b',
  conversationId: '7a7a7a7a-0000-4000-8000-000000000003',
  conversationExternalId: 'c_20931',
  reportIds: ['9c9c9c9c-0000-4000-8000-000000000004'],
  reports: [{ id: '9c9c9c9c-0000-4000-8000-000000000004', category: 'threat_violence', reportedAt: '2026-11-26T08:55:00.000Z' }],
  subjects: [{ id: 'u2', externalId: 'u_paul', displayName: 'Paul V.' }],
  legalBasis: LEGAL_BASIS,
  purpose: ACCESS_PURPOSE,
  outcome: 'read',
  reason: null,
  scope: { kind: 'context', messageCount: 7 },
  grantId: '5e5e5e5e-0000-4000-8000-000000000005',
  justification: 'Le signalement évoque des menaces répétées, je vérifie le contexte.',
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
  requestId: 'req-4512',
  erasedAt: null,
  hash: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  liaVersion: 2,
  ...overrides,
});

export const aVerification = (overrides: Partial<RegisterVerification> = {}): RegisterVerification => ({
  intact: true,
  entriesChecked: 12345,
  formats: { '1': 12000, '2': 345 },
  headSequence: 12345,
  headHash: 'f00dcafe0123456789abcdef0123456789abcdef0123456789abcdefdeadbeef',
  entriesErased: 12,
  checkpointsChecked: 3,
  journal: { intact: true, entriesChecked: 321, headSequence: 321, headHash: 'beef'.repeat(16) },
  verifiedAt: '2026-11-26T10:00:00.000Z',
  ...overrides,
});

export const aCheckpoint = (overrides: Partial<SignedCheckpoint> = {}): SignedCheckpoint => ({
  sequence: 12345,
  headHash: 'f00dcafe0123456789abcdef0123456789abcdef0123456789abcdefdeadbeef',
  time: '2026-11-26T10:05:00.000Z',
  journal: { sequence: 321, headHash: 'beef'.repeat(16) },
  algorithm: 'Ed25519',
  publicKey: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAexample\n-----END PUBLIC KEY-----\n',
  signature: 'c2lnbmF0dXJl',
  ...overrides,
});
