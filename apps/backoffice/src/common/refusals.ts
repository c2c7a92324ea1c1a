import type { TranslateFunction } from 'react-admin';
import { errorMessageKey } from './errorMessageKey';
import { refusalCodeOf } from '../providers/api';

/** The API's refusal codes that have a sentence of their own under `vigie.decisions.refusals`. */
const REFUSAL_CODES = new Set([
  'stale_version',
  'case_not_in_review',
  'decision_pending',
  'appeal_case',
  'not_an_appeal',
  'not_assignee',
  'closed',
  'data_purged',
  'original_decider',
  'no_pending_decision',
  'transition_not_allowed',
  'conversation_has_open_case',
  'note_frozen',
  'not_author',
  'note_not_found',
  'not_pending',
  'role',
  'already_assigned',
  'invalid_assignee',
  'case_not_found',
]);

/** The i18n key of a known refusal code, or undefined. */
export const refusalKeyOfCode = (code: string | undefined): string | undefined =>
  code !== undefined && REFUSAL_CODES.has(code) ? `vigie.decisions.refusals.${code}` : undefined;

/** What to tell staff about a failed call, in their words: the refusal's sentence, or why it failed. */
export const refusalText = (error: unknown, translate: TranslateFunction): string => {
  const known = refusalKeyOfCode(refusalCodeOf(error));
  if (known) return translate(known);
  const key = errorMessageKey(error);
  return translate('vigie.decisions.refusals.failed', { message: translate(key, { _: key }) });
};
