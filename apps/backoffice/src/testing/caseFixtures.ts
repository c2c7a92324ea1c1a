import type {
  AccessGrant,
  CaseDetail,
  CaseNote,
  CaseParticipant,
  CaseReport,
  ConversationMessage,
  Decision,
  Delivery,
  GrantedConversation,
  UserHistory,
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
  cleanedFields: [],
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

/** Staff of the fixtures: Camille moderates, Julie leads, Julien is another moderator. */
export const CAMILLE = { id: 'staff-camille', name: 'Camille Moreau' };
export const JULIE = { id: 'staff-julie', name: 'Julie Martin' };
export const JULIEN = { id: 'staff-julien', name: 'Julien Lefèvre' };

/** A case Camille took and is reviewing: one report of Paul by Inès, on message m_2. */
export const aCaseInReview = (overrides: Partial<CaseDetail> = {}): CaseDetail =>
  aCase({
    status: 'in_review',
    assignee: CAMILLE,
    participants: [INES, PAUL],
    reports: [aReport()],
    version: 4,
    ...overrides,
  });

/** Camille's effective warning on the fixtures' case, with its statement of reasons. */
export const aDecision = (overrides: Partial<Decision> = {}): Decision => ({
  id: 'd1a2b3c4-0000-4000-8000-000000000001',
  caseId: aCase().id,
  action: 'warning',
  policyClause: 'cgu.4.8-protection-mineurs',
  statement: {
    facts: "Demande répétée de l'âge et de photos à une exploratrice mineure, le 25 novembre au soir.",
    ground: "Conditions générales d'utilisation, article 4.8 (Protection des mineurs)",
    automated: false,
    redress: 'Vous pouvez contester cette décision depuis la plateforme dans un délai de 6 mois.',
  },
  durationDays: null,
  messageIds: [],
  state: 'effective',
  decidedBy: CAMILLE,
  decidedAt: '2026-11-26T10:00:00.000Z',
  reviewedBy: null,
  reviewedAt: null,
  reviewNote: null,
  ...overrides,
});

/** A ban Camille proposed, waiting for a lead. */
export const aProposedBan = (overrides: Partial<Decision> = {}): Decision =>
  aDecision({
    id: 'd1a2b3c4-0000-4000-8000-000000000002',
    action: 'ban',
    state: 'pending_approval',
    statement: {
      facts: 'Sollicitations sexuelles explicites envoyées à une mineure, reconnues par leur auteur.',
      ground: "Conditions générales d'utilisation, article 4.8 (Protection des mineurs)",
      automated: false,
      redress: 'Vous pouvez contester cette décision depuis la plateforme dans un délai de 6 mois.',
    },
    ...overrides,
  });

/** A note of Camille's on the fixtures' case, written `minutesAgo` minutes ago (15 minutes to edit it). */
export const aNote = (overrides: Partial<CaseNote> = {}, minutesAgo = 2): CaseNote => {
  const createdAt = new Date(Date.now() - minutesAgo * 60_000);
  return {
    id: 'a0b1c2d3-0000-4000-8000-000000000001',
    caseId: aCase().id,
    author: CAMILLE,
    text: 'Le signalant a 14 ans selon son profil.',
    createdAt: createdAt.toISOString(),
    editedAt: null,
    editableUntil: new Date(createdAt.getTime() + 15 * 60_000).toISOString(),
    ...overrides,
  };
};

/** An appeal case: Paul contests Camille's warning; open, unassigned, unless told otherwise. */
export const anAppealCase = (overrides: Partial<CaseDetail> = {}): CaseDetail => {
  const appealed = aDecision({ caseId: '5e5e5e5e-0000-4000-8000-000000000001' });
  return aCase({
    id: '6f1b1c1e-2d3a-4e5f-8a9b-0c1d2e3f4a99',
    appealOfDecisionId: appealed.id,
    participants: [INES, PAUL],
    reports: [aReport()],
    appeal: {
      decision: appealed,
      appellantExternalId: 'u_paul',
      statement: "Je demandais seulement son âge pour adapter mes conseils d'orientation.",
      submittedAt: '2026-11-27T08:00:00.000Z',
    },
    ...overrides,
  });
};

/** Paul's record: two earlier cases, two effective sanctions this year. */
export const aUserHistory = (overrides: Partial<UserHistory> = {}): UserHistory => ({
  user: { id: PAUL.id, externalId: PAUL.externalId, displayName: PAUL.displayName },
  cases: [
    {
      caseId: '11111111-0000-4000-8000-000000000001',
      status: 'closed',
      createdAt: '2026-09-02T10:00:00.000Z',
      categories: ['harassment'],
      decisions: [{ action: 'suspension', state: 'effective', decidedAt: '2026-09-03T10:00:00.000Z' }],
    },
    {
      caseId: '11111111-0000-4000-8000-000000000002',
      status: 'actioned',
      createdAt: '2026-06-10T10:00:00.000Z',
      categories: ['spam_scam'],
      decisions: [{ action: 'warning', state: 'effective', decidedAt: '2026-06-11T10:00:00.000Z' }],
    },
  ],
  actionedLast6Months: 2,
  actionedLast12Months: 2,
  ...overrides,
});

/** A delivery of a decision to the platform that failed twice and waits for its next attempt. */
export const aDelivery = (overrides: Partial<Delivery> = {}): Delivery => ({
  id: 42,
  eventType: 'decision.effective',
  caseId: aCase().id,
  createdAt: '2026-11-26T10:00:00.000Z',
  attempts: 2,
  nextAttemptAt: new Date(Date.now() + 4 * 60_000).toISOString(),
  deliveredAt: null,
  lastStatus: 503,
  lastError: 'HTTP 503 Service Unavailable',
  log: [
    {
      at: '2026-11-26T10:01:00.000Z',
      statusCode: 503,
      error: 'HTTP 503 Service Unavailable',
      durationMs: 412,
    },
    { at: '2026-11-26T10:00:01.000Z', statusCode: null, error: 'connect ECONNREFUSED', durationMs: 3 },
  ],
  ...overrides,
});
