import { CASE_COUNT_LIMIT } from '@vigie/contracts';

/** The API counts the queue up to CASE_COUNT_LIMIT: a total at the limit means "at least". */
export const isCappedTotal = (total: number): boolean => total >= CASE_COUNT_LIMIT;

/** A view's count as a chip shows it: `42`, `10 000+`. */
export const formatCaseTotal = (total: number, locale: string): string =>
  `${total.toLocaleString(locale)}${isCappedTotal(total) ? '+' : ''}`;
