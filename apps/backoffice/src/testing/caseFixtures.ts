import type {
  AccessGrant,
  CaseDetail,
  CaseParticipant,
  CaseReport,
  ConversationMessage,
  GrantedConversation,
} from '@vigie/contracts';

/** A case as `GET /cases/:id` answers it: open, critical, unassigned, unless told otherwise. */
export const aCase = (overrides: Partial<CaseDetail> = {}): CaseDetail => ({
  id: '6f1b1c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b',
  status: 'open',
  priority: 1000,
  categories: ['minor_safety'],
  reportCount: 1,
  reporterCount: 1,
  reportedUser: { id: 'u2', externalId: 'u_paul', kind: 'expert', displayName: 'Paul V.' },
  assignee: null,
  createdAt: '2026-11-26T09:00:00.000Z',
  lastActivityAt: '2026-11-26T09:30:00.000Z',
  legalHold: false,
  appealOfDecisionId: null,
  version: 3,
  conversationExternalId: 'c_ines_paul',
  messageCount: 2,
  closeReason: null,
  closedAt: null,
  dataPurgedAt: null,
  legalHoldDetail: null,
  participants: [],
  reports: [],
  timeline: [],
  decisions: [],
  notes: [],
  appeal: null,
  ...overrides,
});

/** A case a lead keeps past its retention period, with the hold's reason and its event. */
export const aHeldCase = (overrides: Partial<CaseDetail> = {}): CaseDetail =>
  aCase({
    status: 'actioned',
    legalHold: true,
    legalHoldDetail: {
      reason: 'Réquisition judiciaire n° 2026/118 du parquet de Lyon',
      placedAt: '2026-10-15T10:20:00.000Z',
      placedBy: { id: 'staff-lead', name: 'Julie Martin' },
    },
    timeline: [
      {
        id: 'e-hold',
        at: '2026-10-15T10:20:00.000Z',
        type: 'legal_hold_placed',
        actor: { id: 'staff-lead', name: 'Julie Martin' },
        data: { reason: 'Réquisition judiciaire n° 2026/118 du parquet de Lyon' },
      },
    ],
    ...overrides,
  });

/** A case retention closed and erased: pseudonyms instead of names, no comments left. */
export const aPurgedCase = (overrides: Partial<CaseDetail> = {}): CaseDetail =>
  aCase({
    status: 'closed',
    closeReason: 'retention_expired',
    closedAt: '2026-11-20T10:00:04.000Z',
    dataPurgedAt: '2026-11-20T10:00:04.000Z',
    reportedUser: { id: 'u2', externalId: 'pseudo_7f3a', kind: 'expert', displayName: null },
    lastActivityAt: '2023-11-19T18:00:00.000Z',
    timeline: [
      {
        id: 'e-retention',
        at: '2026-11-20T10:00:04.000Z',
        type: 'retention_closed',
        actor: null,
        data: { runId: '5a5a5a5a-0000-4000-8000-000000000001' },
      },
    ],
    ...overrides,
  });

/** The two sides of the fixtures' mentoring: Inès reports, Paul is reported. */
export const INES: CaseParticipant = {
  id: '1e0c4a52-0b7e-4a3c-9d51-3f1e6a2b7c01',
  externalId: 'u_ines',
  kind: 'explorer',
  displayName: 'Inès B.',
};
export const PAUL: CaseParticipant = {
  id: '2f1d5b63-1c8f-4b4d-8e62-4a2f7b3c8d02',
  externalId: 'u_paul',
  kind: 'expert',
  displayName: 'Paul V.',
};

/** A report of Paul by Inès, on message m_2, unless told otherwise. */
export const aReport = (overrides: Partial<CaseReport> = {}): CaseReport => ({
  id: '7c3e0d7a-5b1f-4e2a-9c4d-1a2b3c4d5e01',
  externalId: 'rep_1',
  category: 'minor_safety',
  comment: "Il m'a demandé mon âge puis des photos.",
  reporter: INES,
  reported: PAUL,
  reportedMessageIds: ['m_2'],
  reportedAt: '2026-11-26T09:00:00.000Z',
  receivedAt: '2026-11-26T09:00:01.000Z',
  ...overrides,
});

/** A 15-minute context grant from now, as `POST /cases/:id/access` answers it. */
export const aGrant = (overrides: Partial<AccessGrant> = {}): AccessGrant => ({
  grantId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b01',
  caseId: aCase().id,
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  scope: { kind: 'context', messageCount: 3, conversationMessageCount: 14 },
  ...overrides,
});

/** A message of the conversation: Paul's, not reported, unless told otherwise. */
export const aMessage = (overrides: Partial<ConversationMessage> = {}): ConversationMessage => ({
  id: '3a4b5c6d-7e8f-4a1b-9c2d-3e4f5a6b7c01',
  externalId: 'm_1',
  authorId: PAUL.id,
  sentAt: '2026-11-25T18:00:00.000Z',
  position: 9,
  body: 'Bonsoir, tu as avancé sur ton projet ?',
  reportIds: [],
  ...overrides,
});

/** What a grant lets its holder read, as `GET /access-grants/:id/messages` answers it. */
export const aGrantedConversation = (overrides: Partial<GrantedConversation> = {}): GrantedConversation => {
  const grant = aGrant();
  return {
    grantId: grant.grantId,
    caseId: grant.caseId,
    expiresAt: grant.expiresAt,
    scope: grant.scope,
    participants: [INES, PAUL],
    hiddenBefore: 8,
    hiddenAfter: 3,
    messages: [aMessage()],
    ...overrides,
  };
};
