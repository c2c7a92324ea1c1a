import { SetMetadata } from '@nestjs/common';
import type { StaffActivityEvent } from '@vigie/contracts';

export const JOURNAL_RULE = 'vigie:journal';

/** How a route reaches the staff journal; every route allowed to the DPO or admins names one. */
export type JournalRule =
  | { kind: 'route'; event: StaffActivityEvent; subjectParam?: string }
  | { kind: 'service' }
  | { kind: 'exempt'; reason: string };

/**
 * One journal entry for each successful call, written by `JournalInterceptor` before the answer
 * leaves: the actor, the route, its path parameters and filters (never a body). `subjectParam`
 * names the path parameter that is the staff account concerned.
 */
export const Journal = (event: StaffActivityEvent, options: { subjectParam?: string } = {}) =>
  SetMetadata(JOURNAL_RULE, { kind: 'route', event, ...options } satisfies JournalRule);

/** The route's service records its own, more precise entries (sign-in, account changes, holds). */
export const JournaledByService = () => SetMetadata(JOURNAL_RULE, { kind: 'service' } satisfies JournalRule);

/** Not journaled, and why (the access register records it, it reads one's own session…). */
export const NotJournaled = (reason: string) => SetMetadata(JOURNAL_RULE, { kind: 'exempt', reason } satisfies JournalRule);
