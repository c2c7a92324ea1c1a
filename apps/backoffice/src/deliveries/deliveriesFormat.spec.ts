import { formatUntil } from './deliveriesFormat';

const now = new Date('2026-11-26T10:00:00.000Z');
const inMs = (ms: number) => new Date(now.getTime() + ms);

describe('formatUntil', () => {
  it('says when the next attempt comes, in minutes, hours or days', () => {
    expect(formatUntil(inMs(90_000), now, 'fr')).toBe('dans 2 minutes');
    expect(formatUntil(inMs(3 * 3_600_000), now, 'fr')).toBe('dans 3 heures');
    expect(formatUntil(inMs(2 * 86_400_000), now, 'en')).toBe('in 2 days');
  });

  it('reads an attempt already due as now, not as the past', () => {
    expect(formatUntil(inMs(-5 * 60_000), now, 'fr')).toBe('maintenant');
    expect(formatUntil(inMs(20_000), now, 'en')).toBe('now');
  });
});
