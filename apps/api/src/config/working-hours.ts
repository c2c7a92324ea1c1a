/** `ALERT_WORKING_HOURS`: the days and hours openings are expected in, in one time zone. */
export interface WorkingHours {
  /** ISO days of the week (1 Monday … 7 Sunday). */
  days: number[];
  /** HH:MM, start included. */
  start: string;
  /** HH:MM, end excluded (24:00 for the end of the day). */
  end: string;
  /** An IANA time zone. */
  timeZone: string;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** One day name, or a range of them (`Mon-Fri`, `Sat-Mon`), as ISO day numbers. */
function daysOf(part: string): number[] | undefined {
  const [from, to = from] = part.toLowerCase().split('-');
  const a = DAYS.indexOf(from);
  const b = DAYS.indexOf(to);
  if (a < 0 || b < 0) return undefined;
  const days: number[] = [];
  for (let d = a; ; d = (d + 1) % 7) {
    days.push(d + 1);
    if (d === b) return days;
  }
}

/**
 * Parses `Mon-Fri 08:00-20:00 Europe/Paris` (days as ranges or lists: `Mon-Fri,Sun`); the time
 * zone is checked against the runtime's (Intl). Answers what is wrong when it cannot.
 */
export function parseWorkingHours(text: string): WorkingHours | string {
  const parts = text.trim().split(/\s+/);
  const usage = 'must read like "Mon-Fri 08:00-20:00 Europe/Paris"';
  if (parts.length !== 3) return usage;
  const [dayText, hoursText, timeZone] = parts;
  const days = dayText.split(',').map(daysOf);
  if (days.some((d) => d === undefined)) return `${usage}: unknown day in "${dayText}"`;
  const [start, end, ...rest] = hoursText.split('-');
  if (rest.length || !TIME.test(start ?? '') || !TIME.test(end ?? '')) return `${usage}: hours as HH:MM-HH:MM`;
  if (start >= end) return `${usage}: the hours must end after they start`;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    return `${usage}: unknown time zone "${timeZone}"`;
  }
  return { days: [...new Set(days.flat() as number[])].sort(), start, end, timeZone };
}
