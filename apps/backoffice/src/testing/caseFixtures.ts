import type { CaseDetail } from '@vigie/contracts';

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
  version: 3,
  conversationExternalId: 'c_ines_paul',
  messageCount: 2,
  closeReason: null,
  closedAt: null,
  participants: [],
  reports: [],
  timeline: [],
  ...overrides,
});
