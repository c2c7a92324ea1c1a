import { activeQuickView } from './quickViews';

describe('the queue quick views', () => {
  it('recognises each view by its whole filter', () => {
    expect(activeQuickView({})).toBe('all_open');
    expect(activeQuickView({ mine: true })).toBe('mine');
    expect(activeQuickView({ unassigned: true })).toBe('unassigned');
    expect(activeQuickView({ category: ['minor_safety'] })).toBe('minor_safety');
  });

  it('survives the round trip through the URL (strings, single values, empty inputs)', () => {
    expect(activeQuickView({ mine: 'true' })).toBe('mine');
    expect(activeQuickView({ category: 'minor_safety', status: [] })).toBe('minor_safety');
    expect(activeQuickView({ reportedUser: '' })).toBe('all_open');
  });

  it('selects no view once the filters are the moderator’s own', () => {
    expect(activeQuickView({ mine: true, category: ['harassment'] })).toBeUndefined();
    expect(activeQuickView({ category: ['minor_safety', 'hate'] })).toBeUndefined();
    expect(activeQuickView({ mine: false })).toBeUndefined();
  });
});
