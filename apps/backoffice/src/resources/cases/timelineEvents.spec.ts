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
