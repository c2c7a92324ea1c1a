import { z } from 'zod';

/** The field types every schema of the contracts shares. */
export const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone' });

/** An id the platform gives (users, conversations, messages, reports, appeals). */
export const platformId = z.string().trim().min(1, 'required').max(128).regex(/^[\w.:-]+$/, 'letters, digits and . _ : - only');
