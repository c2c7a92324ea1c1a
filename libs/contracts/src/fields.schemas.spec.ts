import { instant } from './fields.schemas';

describe('instant', () => {
  const ok = (value: string) => instant.safeParse(value).success;

  it('accepts ISO 8601 date-times with a time zone that PostgreSQL stores', () => {
    expect(ok('2026-11-20T10:00:00Z')).toBe(true);
    expect(ok('2026-11-20T10:00:00.123+14:00')).toBe(true);
    expect(ok('2026-11-20T10:00:00-12:00')).toBe(true);
    expect(ok('0001-01-01T00:00:00Z')).toBe(true);
  });

  it('refuses the year 0000 and offsets beyond ±14:00 (PostgreSQL would answer an error), once each', () => {
    for (const value of ['0000-01-01T00:00:00Z', '2026-01-01T00:00:00+23:59', '2026-01-01T00:00:00-14:01']) {
      const result = instant.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual(['must be a real date: year 0001 or later, time zone offset within ±14:00']);
    }
    expect(instant.safeParse('yesterday').error?.issues).toHaveLength(1);
  });
});
