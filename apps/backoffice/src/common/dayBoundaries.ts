const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

// "+01:00" for Paris in winter: getTimezoneOffset counts the other way round, in minutes.
const offsetOf = (date: Date): string => {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
};

/**
 * A day picked in a date input ("2026-11-26") as the instant it starts or ends in the browser's
 * time zone, written with that zone's offset ("2026-11-26T00:00:00.000+01:00"): the API wants
 * an instant with a zone, and the date input shows the first ten characters back unchanged.
 */
export const dayBoundary = (value: unknown, edge: 'start' | 'end'): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const match = DAY.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date =
    edge === 'start'
      ? new Date(year, month - 1, day, 0, 0, 0, 0)
      : new Date(year, month - 1, day, 23, 59, 59, 999);
  if (Number.isNaN(date.getTime())) return undefined;
  const time = edge === 'start' ? '00:00:00.000' : '23:59:59.999';
  return `${match[1]}-${match[2]}-${match[3]}T${time}${offsetOf(date)}`;
};
