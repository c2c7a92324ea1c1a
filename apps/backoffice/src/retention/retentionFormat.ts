import type { TranslateFunction } from 'react-admin';

export const DAY_MS = 24 * 60 * 60_000;

/** The units an ISO 8601 duration may name, largest first, each with a plural message. */
export const PERIOD_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface PeriodPart {
  unit: PeriodUnit;
  count: number;
}

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * `P2Y6M` → 2 years and 6 months. Null for what is not a whole-number ISO 8601 duration:
 * the caller then shows the configured text as it is rather than guessing.
 */
export const periodParts = (period: string): PeriodPart[] | null => {
  const match = ISO_DURATION.exec(period.trim());
  // "P" and "PT" alone match the pattern and mean nothing.
  if (!match || period.trim().endsWith('T')) return null;
  const parts = PERIOD_UNITS.map((unit, index) => ({ unit, count: Number(match[index + 1] ?? 0) })).filter(
    (part) => part.count > 0,
  );
  return parts.length > 0 ? parts : null;
};

/** "3 ans", "18 mois", "2 ans et 6 mois"; null when the period cannot be read. */
export const formatPeriod = (period: string, translate: TranslateFunction, locale: string): string | null => {
  const parts = periodParts(period);
  if (!parts) return null;
  const words = parts.map(({ unit, count }) =>
    translate(`vigie.retention.period.${unit}`, { smart_count: count }),
  );
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(words);
};

/** "42 s", "3 min 05 s", "1 h 12 min": how long a run took. */
export const formatDuration = (milliseconds: number, locale: string): string => {
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${unit(minutes, 'minute')} ${unit(seconds % 60, 'second')}`;
  return `${unit(Math.floor(minutes / 60), 'hour')} ${unit(minutes % 60, 'minute')}`;
};

/** "dans 12 jours", "demain", "aujourd'hui"; null once the date has passed. */
export const formatDueIn = (due: Date, now: Date, locale: string): string | null => {
  const days = Math.ceil((due.getTime() - now.getTime()) / DAY_MS);
  if (due.getTime() < now.getTime()) return null;
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
};

/** The preview's horizon: this many days from now. */
export const daysFromNow = (days: number, now = new Date()): Date => new Date(now.getTime() + days * DAY_MS);

/** What a run has done, as a share of what was due; null while the number due is not known. */
export const runProgress = (casesPurged: number, casesDue: number): number | null =>
  casesDue > 0 ? Math.min(100, Math.round((casesPurged / casesDue) * 100)) : null;
