import { z } from 'zod';

/** The field types every schema of the contracts shares. */

// What ISO 8601 allows and PostgreSQL refuses (a 500 otherwise): the year 0000, and offsets
// beyond ±15:59 — ±14:00 is the widest any place on Earth uses.
const storableInstant = (value: string): boolean => {
  if (value.startsWith('0000')) return false;
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(value);
  return !offset || Number(offset[2]) * 60 + Number(offset[3]) <= 14 * 60;
};

export const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone' })
  .refine(storableInstant, 'must be a real date: year 0001 or later, time zone offset within ±14:00');

/** An id the platform gives (users, conversations, messages, reports, appeals). */
export const platformId = z.string().trim().min(1, 'required').max(128).regex(/^[\w.:-]+$/, 'letters, digits and . _ : - only');
