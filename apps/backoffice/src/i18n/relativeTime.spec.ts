import { formatRelativeTime } from './relativeTime';

const now = new Date('2026-03-10T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatRelativeTime', () => {
  it.each([
    [ago(20_000), 'fr', 'Just now'],
    [ago(-5_000), 'fr', 'Just now'],
    [ago(5 * MINUTE), 'fr', 'Il y a 5 minutes'],
    [ago(3 * HOUR + 20 * MINUTE), 'fr', 'Il y a 3 heures'],
    [ago(DAY + HOUR), 'fr', 'Hier'],
    [ago(4 * DAY), 'fr', 'Il y a 4 jours'],
    [ago(5 * MINUTE), 'en', '5 minutes ago'],
    [ago(DAY + HOUR), 'en', 'Yesterday'],
  ])('says %s in %s as "%s"', (date, locale, expected) => {
    expect(formatRelativeTime(date, now, locale, 'Just now')).toBe(expected);
  });

  it('gives the date itself beyond a week', () => {
    const date = new Date('2026-01-12T08:00:00.000Z');

    expect(formatRelativeTime(date, now, 'fr', 'À l’instant')).toBe('12 janv. 2026');
    expect(formatRelativeTime(date, now, 'en', 'Just now')).toBe('Jan 12, 2026');
  });
});
