const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "dans 3 minutes", "dans 2 heures": when something scheduled happens. A moment already past
 * (the worker has not come round yet) reads "maintenant", never as a date in the past.
 */
export const formatUntil = (date: Date, now: Date, locale: string): string => {
  const left = date.getTime() - now.getTime();
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (left < MINUTE) return relative.format(0, 'second');
  if (left < HOUR) return relative.format(Math.ceil(left / MINUTE), 'minute');
  if (left < DAY) return relative.format(Math.round(left / HOUR), 'hour');
  return relative.format(Math.round(left / DAY), 'day');
};
