import type { CaseEvent } from '@vigie/contracts';
import { describeEvent, inOrder } from './timelineEvents';

const event = (overrides: Partial<CaseEvent>): CaseEvent => ({
  id: '1',
  at: '2026-11-26T10:00:00.000Z',
  type: 'case_opened',
  actor: null,
  data: {},
  ...overrides,
});

describe('timeline events', () => {
  it("names the report's category when the event carries it", () => {
    expect(describeEvent(event({ data: { category: 'minor_safety', newMessages: 2 } }))).toEqual({
      kind: 'case_opened',
      messageKey: 'vigie.cases.timeline.case_opened_category',
      params: { category: 'minor_safety' },
    });
    expect(describeEvent(event({ type: 'report_added', data: { category: 'nonsense' } })).messageKey).toBe(
      'vigie.cases.timeline.report_added',
    );
  });

  it('names the assignee from the staff list, the API recording only their id', () => {
    const assigned = event({ type: 'assigned', data: { assigneeId: 'staff-2' } });
    expect(describeEvent(assigned, new Map([['staff-2', 'Julien Lefèvre']]))).toEqual({
      kind: 'assigned',
      messageKey: 'vigie.cases.timeline.assigned_to',
      params: { assignee: 'Julien Lefèvre' },
    });
    expect(describeEvent(assigned).messageKey).toBe('vigie.cases.timeline.assigned');
  });

  it('shows an event type it does not know rather than hiding it', () => {
    expect(describeEvent(event({ type: 'exported' }))).toEqual({
      kind: 'other',
      messageKey: 'vigie.cases.timeline.other',
      params: { type: 'exported' },
    });
    expect(describeEvent(event({ type: 'claimed' })).messageKey).toBe('vigie.cases.timeline.claimed');
  });

  it('says how wide a read of the conversation was, keeping the count a number for plurals', () => {
    const accessed = (data: Record<string, unknown>) => event({ type: 'conversation_accessed', data });
    const data = { grantId: 'g1', reportIds: ['r1'] };
    expect(describeEvent(accessed({ ...data, scope: 'context', messageCount: 21 }))).toEqual({
      kind: 'conversation_accessed',
      messageKey: 'vigie.gate.timeline.context',
      params: { smart_count: 21 },
    });
    expect(describeEvent(accessed({ ...data, scope: 'full', messageCount: 140 })).messageKey).toBe(
      'vigie.gate.timeline.full',
    );
    // Malformed data still says a read happened.
    for (const odd of [{ scope: 'everything', messageCount: 3 }, { scope: 'full', messageCount: '3' }, {}])
      expect(describeEvent(accessed(odd))).toEqual({
        kind: 'conversation_accessed',
        messageKey: 'vigie.gate.timeline.conversation_accessed',
        params: {},
      });
  });

  it('quotes the reason a legal hold was placed or lifted, and falls back to the bare event without one', () => {
    expect(
      describeEvent(
        event({ type: 'legal_hold_placed', data: { reason: ' Réquisition judiciaire n° 118 ' } }),
      ),
    ).toEqual({
      kind: 'legal_hold_placed',
      messageKey: 'vigie.retention.timeline.legal_hold_placed',
      params: { reason: 'Réquisition judiciaire n° 118' },
    });
    expect(
      describeEvent(event({ type: 'legal_hold_lifted', data: { reason: 'Procédure close le 3 mars' } })),
    ).toEqual({
      kind: 'legal_hold_lifted',
      messageKey: 'vigie.retention.timeline.legal_hold_lifted',
      params: { reason: 'Procédure close le 3 mars' },
    });
    for (const data of [{}, { reason: '' }, { reason: 42 }])
      expect(describeEvent(event({ type: 'legal_hold_lifted', data })).messageKey).toBe(
        'vigie.cases.timeline.legal_hold_lifted',
      );
  });

  it('says a case was closed by retention, naming the run by its first block', () => {
    expect(
      describeEvent(
        event({ type: 'retention_closed', data: { runId: '5a5a5a5a-0000-4000-8000-000000000001' } }),
      ),
    ).toEqual({
      kind: 'retention_closed',
      messageKey: 'vigie.retention.timeline.retention_closed_run',
      params: { run: '5a5a5a5a' },
    });
    expect(describeEvent(event({ type: 'retention_closed', data: {} }))).toEqual({
      kind: 'retention_closed',
      messageKey: 'vigie.retention.timeline.retention_closed',
      params: {},
    });
  });

  it("names the measure of a decision taken, proposed or approved, and a suspension's length", () => {
    const decision = (type: string, data: Record<string, unknown>) => describeEvent(event({ type, data }));
    expect(decision('decision', { decisionId: 'd1', action: 'warning', durationDays: null })).toEqual({
      kind: 'decision',
      messageKey: 'vigie.decisions.timeline.decision',
      params: { action: 'warning' },
    });
    expect(
      decision('decision_proposed', { decisionId: 'd2', action: 'suspension', durationDays: 30 }),
    ).toEqual({
      kind: 'decision_proposed',
      messageKey: 'vigie.decisions.timeline.decision_proposed_days',
      params: { action: 'suspension', smart_count: 30 },
    });
    expect(
      decision('decision_approved', { decisionId: 'd3', action: 'suspension', durationDays: 14 }).messageKey,
    ).toBe('vigie.decisions.timeline.decision_approved_days');
    expect(decision('decision_approved', { decisionId: 'd2', action: 'ban', durationDays: null })).toEqual({
      kind: 'decision_approved',
      messageKey: 'vigie.decisions.timeline.decision_approved',
      params: { action: 'ban' },
    });
    // An action this build does not know still says a decision was taken.
    expect(decision('decision', { action: 'teleport' }).messageKey).toBe(
      'vigie.cases.timeline.decision_made',
    );
  });

  it("quotes a rejection's note and the reason for closing or reopening, when there is one", () => {
    expect(
      describeEvent(event({ type: 'decision_rejected', data: { decisionId: 'd2', note: ' Trop lourd. ' } })),
    ).toEqual({
      kind: 'decision_rejected',
      messageKey: 'vigie.decisions.timeline.decision_rejected_note',
      params: { note: 'Trop lourd.' },
    });
    expect(describeEvent(event({ type: 'decision_rejected', data: { note: null } })).messageKey).toBe(
      'vigie.decisions.timeline.decision_rejected',
    );
    expect(
      describeEvent(event({ type: 'reopened', data: { from: 'closed', reason: 'Nouvel élément' } })),
    ).toEqual({
      kind: 'reopened',
      messageKey: 'vigie.decisions.timeline.reopened_reason',
      params: { reason: 'Nouvel élément' },
    });
    expect(
      describeEvent(event({ type: 'closed', data: { from: 'actioned', reason: null } })).messageKey,
    ).toBe('vigie.cases.timeline.closed');
  });

  it("links an appealed decision to the appeal's case, and says how an appeal ended", () => {
    expect(
      describeEvent(
        event({ type: 'appealed', data: { appealId: 'a1', appealCaseId: 'case-2', decisionId: 'd1' } }),
      ),
    ).toEqual({
      kind: 'appealed',
      messageKey: 'vigie.decisions.timeline.appealed',
      params: {},
      link: { to: '/cases/case-2/show', labelKey: 'vigie.decisions.timeline.see_appeal' },
    });
    expect(describeEvent(event({ type: 'appeal_opened', data: { appealId: 'a1' } })).messageKey).toBe(
      'vigie.decisions.timeline.appeal_opened',
    );
    expect(describeEvent(event({ type: 'appeal_decided', data: { outcome: 'overturned' } })).messageKey).toBe(
      'vigie.decisions.timeline.appeal_decided_overturned',
    );
    expect(describeEvent(event({ type: 'appeal_decided', data: {} })).messageKey).toBe(
      'vigie.decisions.timeline.appeal_decided',
    );
  });

  it('tells the story oldest first, ties in the order the API gave', () => {
    const events = [
      event({ id: 'c', at: '2026-11-26T12:00:00.000Z' }),
      event({ id: 'a', at: '2026-11-26T09:00:00.000Z' }),
      event({ id: 'b1', at: '2026-11-26T10:00:00.000Z' }),
      event({ id: 'b2', at: '2026-11-26T10:00:00.000Z' }),
    ];
    expect(inOrder(events).map(({ id }) => id)).toEqual(['a', 'b1', 'b2', 'c']);
  });
});
