import { en } from '../i18n/en';
import { createI18nProvider } from '../i18n/i18nProvider';
import {
  daysFromNow,
  formatDueIn,
  formatDuration,
  formatPeriod,
  periodParts,
  runProgress,
} from './retentionFormat';

const french = createI18nProvider('fr').translate;
const english = createI18nProvider('en', en).translate;
// French numbers and lists use no-break spaces: read every space as a plain one.
const plain = (text: string | null) => text?.replace(/\s+/g, ' ') ?? null;

describe('the retention period in words', () => {
  it.each([
    ['P3Y', '3 ans', '3 years'],
    ['P1Y', '1 an', '1 year'],
    ['P18M', '18 mois', '18 months'],
    ['P2Y6M', '2 ans et 6 mois', '2 years and 6 months'],
    ['P1Y1M1D', '1 an, 1 mois et 1 jour', '1 year, 1 month, and 1 day'],
    ['P90D', '90 jours', '90 days'],
    ['PT36H', '36 heures', '36 hours'],
  ])('says %s as "%s" in French and "%s" in English', (period, inFrench, inEnglish) => {
    expect(plain(formatPeriod(period, french, 'fr'))).toBe(inFrench);
    expect(plain(formatPeriod(period, english, 'en'))).toBe(inEnglish);
  });

  it('leaves zero units out and refuses what is not a whole ISO 8601 duration', () => {
    expect(periodParts('P3Y0M')).toEqual([{ unit: 'years', count: 3 }]);
    for (const odd of ['', 'P', 'PT', 'P1.5Y', '3 years', 'P-1Y', 'P0D', 'P1YT'])
      expect([odd, periodParts(odd)]).toEqual([odd, null]);
  });
});

describe('run and due dates', () => {
  it('says how long a run took, to the second under a minute', () => {
    expect(plain(formatDuration(42_400, 'fr'))).toBe('42 s');
    expect(plain(formatDuration(185_000, 'fr'))).toBe('3 min 5 s');
    expect(plain(formatDuration(4_320_000, 'fr'))).toBe('1 h 12 min');
  });

  it('says when a case falls due, and nothing once it is past', () => {
    const now = new Date('2026-11-26T10:00:00.000Z');
    expect(formatDueIn(new Date('2026-12-06T10:00:00.000Z'), now, 'fr')).toBe('dans 10 jours');
    expect(formatDueIn(new Date('2026-11-27T09:00:00.000Z'), now, 'fr')).toBe('demain');
    expect(formatDueIn(new Date('2026-11-25T10:00:00.000Z'), now, 'fr')).toBeNull();
  });

  it('looks ahead whole days from now, and measures progress only once the number due is known', () => {
    expect(daysFromNow(30, new Date('2026-11-26T10:00:00.000Z')).toISOString()).toBe(
      '2026-12-26T10:00:00.000Z',
    );
    expect(runProgress(60, 120)).toBe(50);
    expect(runProgress(130, 120)).toBe(100);
    expect(runProgress(0, 0)).toBeNull();
  });
});
