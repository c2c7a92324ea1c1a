import { dayBoundary } from './dayBoundaries';

describe('dayBoundary', () => {
  it('turns a picked day into the instants it starts and ends, in the local zone', () => {
    const start = dayBoundary('2026-11-26', 'start');
    const end = dayBoundary('2026-11-26', 'end');
    expect(start).toMatch(/^2026-11-26T00:00:00\.000[+-]\d{2}:\d{2}$/);
    expect(end).toMatch(/^2026-11-26T23:59:59\.999[+-]\d{2}:\d{2}$/);
    expect(new Date(start ?? '').getTime()).toBe(new Date(2026, 10, 26).getTime());
    expect(new Date(end ?? '').getTime()).toBe(new Date(2026, 10, 26, 23, 59, 59, 999).getTime());
  });

  it('keeps the day a date input shows when given back its own value', () => {
    const start = dayBoundary('2026-03-29', 'start') ?? '';
    expect(dayBoundary(start, 'start')).toBe(start);
  });

  it('drops what is not a day, so the filter goes away', () => {
    expect(dayBoundary('', 'start')).toBeUndefined();
    expect(dayBoundary(null, 'end')).toBeUndefined();
    expect(dayBoundary('yesterday', 'end')).toBeUndefined();
  });
});
