const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "Il y a 5 minutes", "Hier", "Il y a 3 jours" for the last week, capitalised to start a table
 * cell; beyond that the date itself ("12 janv. 2026"), which reads better than "il y a
 * 5 semaines". The last minute is `justNow` ("À l'instant"), which Intl has no words for.
 */
export const formatRelativeTime = (date: Date, now: Date, locale: string, justNow: string): string => {
  const elapsed = now.getTime() - date.getTime();
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const sentence = (text: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  // A clock slightly ahead of the server's makes a just-now date look future: still just now.
  if (elapsed < MINUTE) return justNow;
  if (elapsed < HOUR) return sentence(relative.format(-Math.floor(elapsed / MINUTE), 'minute'));
  if (elapsed < DAY) return sentence(relative.format(-Math.floor(elapsed / HOUR), 'hour'));
  if (elapsed < 7 * DAY) return sentence(relative.format(-Math.floor(elapsed / DAY), 'day'));
  return formatDate(date, locale);
};

export const formatDate = (date: Date, locale: string): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(date);

export const formatDateTime = (date: Date, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
