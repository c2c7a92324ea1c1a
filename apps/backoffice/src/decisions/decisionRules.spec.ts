import {
  aCase,
  aCaseInReview,
  aProposedBan,
  anAppealCase,
  aReport,
  CAMILLE,
  JULIE,
  JULIEN,
} from '../testing/caseFixtures';
import { decisionRequestSchema, statementSchema } from '@vigie/contracts';
import { clauseNumber } from './clauseLabel';
import {
  canClose,
  canReopen,
  checkDecision,
  checkStatement,
  type DecisionDraft,
  decideAccess,
  fieldOfApiPath,
  isOriginalDecider,
  reportedMessages,
  suggestedClause,
  waitsForLead,
} from './decisionRules';

const draft = (overrides: Partial<DecisionDraft> = {}): DecisionDraft => ({
  action: 'warning',
  durationDays: '',
  messageIds: [],
  policyClause: 'cgu.4.2-harcelement',
  facts: '  Insultes répétées envers le signalant.  ',
  ground: 'CGU art. 4.2',
  automated: false,
  redress: 'Recours sous 6 mois.',
  ...overrides,
});

describe('checkDecision', () => {
  it('makes the request the API expects, trimmed, with no duration or messages a warning does not take', () => {
    expect(checkDecision(draft({ durationDays: '12', messageIds: ['m_1'] }), 3)).toEqual({
      errors: null,
      request: {
        action: 'warning',
        policyClause: 'cgu.4.2-harcelement',
        statement: {
          facts: 'Insultes répétées envers le signalant.',
          ground: 'CGU art. 4.2',
          automated: false,
          redress: 'Recours sous 6 mois.',
        },
        version: 3,
      },
    });
  });

  it('sends a suspension with its length in whole days, and refuses any other length', () => {
    expect(
      checkDecision(draft({ action: 'suspension', durationDays: ' 14 ' }), 3).request?.durationDays,
    ).toBe(14);
    for (const typed of ['', '0', '2.5', 'deux', '3651'])
      expect(checkDecision(draft({ action: 'suspension', durationDays: typed }), 3).errors).toEqual({
        durationDays: 'duration_invalid',
      });
  });

  it('names every problem of a draft, each with its sentence', () => {
    expect(
      checkDecision(
        draft({
          action: null,
          policyClause: '',
          facts: 'Court.',
          ground: 'x',
          redress: ' ',
          automated: false,
        }),
        3,
      ).errors,
    ).toEqual({
      action: 'action_required',
      policyClause: 'clause_required',
      facts: 'facts_short',
      ground: 'ground_short',
      redress: 'redress_short',
    });
    expect(checkDecision(draft({ action: 'content_removal' }), 3).errors).toEqual({
      messageIds: 'messages_required',
    });
    expect(checkDecision(draft({ facts: 'x'.repeat(5001) }), 3).errors).toEqual({ facts: 'too_long' });
  });
});

describe("the form's checks and the API's schema", () => {
  // What the form would send if it sent the draft as it is, as the API would read it.
  const candidate = (d: DecisionDraft, version: number) => ({
    action: d.action ?? undefined,
    policyClause: d.policyClause === '' ? undefined : d.policyClause,
    statement: { facts: d.facts, ground: d.ground, automated: d.automated, redress: d.redress },
    ...(d.action === 'suspension'
      ? { durationDays: /^\s*\d+\s*$/.test(d.durationDays) ? Number(d.durationDays) : undefined }
      : {}),
    ...(d.action === 'content_removal' ? { messageIds: d.messageIds } : {}),
    version,
  });
  const drafts: DecisionDraft[] = [
    draft(),
    draft({ action: null }),
    draft({ policyClause: '' }),
    draft({ facts: ' '.repeat(30) + 'x'.repeat(19) }),
    draft({ facts: 'x'.repeat(20) }),
    draft({ facts: 'x'.repeat(5000) }),
    draft({ facts: 'x'.repeat(5001) }),
    draft({ ground: ' abcd ' }),
    draft({ ground: 'abcde' }),
    draft({ redress: 'y'.repeat(1001) }),
    draft({ action: 'suspension', durationDays: '' }),
    draft({ action: 'suspension', durationDays: '0' }),
    draft({ action: 'suspension', durationDays: '1' }),
    draft({ action: 'suspension', durationDays: '3650' }),
    draft({ action: 'suspension', durationDays: '3651' }),
    draft({ action: 'content_removal', messageIds: [] }),
    draft({ action: 'content_removal', messageIds: ['m_1', 'm_2'] }),
    draft({ action: 'content_removal', messageIds: ['x'.repeat(129)] }),
    draft({ action: 'ban', automated: true }),
  ];

  it.each(drafts.map((d, index) => [index, d] as const))(
    'accept and refuse the same drafts (#%s), the form sending what the schema reads',
    (_index, d) => {
      const ours = checkDecision(d, 3);
      const theirs = decisionRequestSchema.safeParse(candidate(d, 3));
      expect(ours.errors === null).toBe(theirs.success);
      if (theirs.success) expect(ours.request).toEqual(theirs.data);
    },
  );

  it('check a statement of reasons alone as statementSchema does', () => {
    for (const d of drafts) {
      const statement = { facts: d.facts, ground: d.ground, automated: d.automated, redress: d.redress };
      const theirs = statementSchema.safeParse(statement);
      const ours = checkStatement(statement);
      expect(ours.errors === null).toBe(theirs.success);
      if (theirs.success) expect(ours.statement).toEqual(theirs.data);
    }
  });
});

describe('four eyes', () => {
  it("waits for a lead on a moderator's ban or suspension over 7 days, never on a lead's", () => {
    expect(waitsForLead(['moderator'], 'ban', undefined)).toBe(true);
    expect(waitsForLead(['moderator'], 'suspension', 8)).toBe(true);
    expect(waitsForLead(['moderator'], 'suspension', 7)).toBe(false);
    expect(waitsForLead(['moderator'], 'content_removal', undefined)).toBe(false);
    expect(waitsForLead(['lead'], 'ban', undefined)).toBe(false);
    expect(waitsForLead(['moderator', 'lead'], 'suspension', 90)).toBe(false);
    expect(waitsForLead(['moderator'], null, undefined)).toBe(false);
  });
});

describe('who may do what on a case', () => {
  it('lets the assignee or a lead decide a case in review with no proposal waiting', () => {
    const mine = aCaseInReview();
    expect(decideAccess(mine, CAMILLE.id, ['moderator'])).toBe('decide');
    expect(decideAccess(mine, JULIEN.id, ['moderator'])).toBe('none');
    expect(decideAccess(mine, JULIE.id, ['lead'])).toBe('decide');
    expect(decideAccess(aCaseInReview({ decisions: [aProposedBan()] }), CAMILLE.id, ['moderator'])).toBe(
      'pending',
    );
    expect(decideAccess(aCase({ assignee: CAMILLE }), CAMILLE.id, ['moderator'])).toBe('none');
    expect(decideAccess(aCaseInReview(), CAMILLE.id, ['dpo'])).toBe('none');
  });

  it('closes decided cases for their assignee or a lead, and reopens them for leads only', () => {
    const actioned = aCaseInReview({ status: 'actioned' });
    expect(canClose(actioned, CAMILLE.id, ['moderator'])).toBe(true);
    expect(canClose(actioned, JULIEN.id, ['moderator'])).toBe(false);
    expect(canClose(actioned, JULIE.id, ['lead'])).toBe(true);
    expect(canClose(aCaseInReview(), CAMILLE.id, ['moderator'])).toBe(false);
    expect(canReopen(actioned, ['moderator'])).toBe(false);
    expect(canReopen(aCaseInReview({ status: 'closed' }), ['lead'])).toBe(true);
    expect(
      canReopen(aCaseInReview({ status: 'closed', dataPurgedAt: '2026-11-20T10:00:00.000Z' }), ['lead']),
    ).toBe(false);
  });

  it('recognises the original decider of an appealed decision, or its approver', () => {
    const appeal = anAppealCase();
    expect(isOriginalDecider(appeal, CAMILLE.id)).toBe(true);
    expect(isOriginalDecider(appeal, JULIEN.id)).toBe(false);
    const approved = anAppealCase();
    if (approved.appeal) approved.appeal.decision.reviewedBy = JULIE;
    expect(isOriginalDecider(approved, JULIE.id)).toBe(true);
  });
});

describe('what the form offers', () => {
  it("suggests the clause of the case's gravest category", () => {
    expect(suggestedClause(['spam_scam', 'minor_safety'])).toBe('cgu.4.8-protection-mineurs');
    expect(suggestedClause(['harassment'])).toBe('cgu.4.2-harcelement');
    expect(suggestedClause(['other'])).toBeUndefined();
  });

  it('lists each reported message once, with what it was reported for', () => {
    expect(
      reportedMessages([
        aReport(),
        aReport({ id: 'r2', category: 'harassment', reportedMessageIds: ['m_2', 'm_5'] }),
      ]),
    ).toEqual([
      { id: 'm_2', categories: ['minor_safety', 'harassment'] },
      { id: 'm_5', categories: ['harassment'] },
    ]);
  });

  it("reads a clause's article number from its id", () => {
    expect(clauseNumber('cgu.4.8-protection-mineurs')).toBe('4.8');
    expect(clauseNumber('cgu.5.1-hors-plateforme')).toBe('5.1');
  });

  it("maps the API's field paths to the form's fields", () => {
    expect(fieldOfApiPath('statement.facts')).toBe('facts');
    expect(fieldOfApiPath('durationDays')).toBe('durationDays');
    expect(fieldOfApiPath('version')).toBeUndefined();
  });
});
