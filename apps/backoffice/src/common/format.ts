import type { SignedCheckpoint } from '@vigie/contracts';

export const MONOSPACE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

/** "12 345" in French, "12,345" in English. */
export const formatCount = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale).format(value);

/** A SHA-256 hash is 64 hex characters: its two ends are enough to compare by eye. */
export const shortHash = (hash: string): string =>
  hash.length > 20 ? `${hash.slice(0, 10)}…${hash.slice(-6)}` : hash;

/** A UUID's first block: what people read out to each other. */
export const shortId = (id: string): string => id.split('-')[0] ?? id;

/** To the second: an audit reads the order of events, and several can fall in one minute. */
export const formatInstant = (date: Date, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * "Il y a 3 heures", "Il y a 4 mois": how long ago, under an absolute date. Unlike the queue's
 * relative dates it never falls back to a date, which the cell already shows.
 */
export const formatAge = (date: Date, now: Date, locale: string, justNow: string): string => {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < MINUTE) return justNow;
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const [amount, unit]: [number, Intl.RelativeTimeFormatUnit] =
    elapsed < HOUR
      ? [elapsed / MINUTE, 'minute']
      : elapsed < DAY
        ? [elapsed / HOUR, 'hour']
        : elapsed < MONTH
          ? [elapsed / DAY, 'day']
          : elapsed < YEAR
            ? [elapsed / MONTH, 'month']
            : [elapsed / YEAR, 'year'];
  const text = relative.format(-Math.floor(amount), unit);
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
};

/** `vigie-checkpoint-12345-2026-11-26.json`: sorts by head, and says the day it was signed. */
export const checkpointFileName = (checkpoint: SignedCheckpoint): string =>
  `vigie-checkpoint-${checkpoint.sequence}-${checkpoint.time.slice(0, 10)}.json`;

/** Hands the browser a JSON file to save, without a round trip to the server. */
export const downloadJson = (fileName: string, value: unknown): void => {
  const url = URL.createObjectURL(
    new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the click has been handled: some browsers read the URL after `click` returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};
