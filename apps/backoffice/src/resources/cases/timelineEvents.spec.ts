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
