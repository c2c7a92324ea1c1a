import { CASE_COUNT_LIMIT } from '@vigie/contracts';
import { formatCaseTotal, isCappedTotal } from './caseTotal';

describe('the queue total', () => {
  it('is exact below the limit and "at least" at it', () => {
    expect(isCappedTotal(CASE_COUNT_LIMIT - 1)).toBe(false);
    expect(isCappedTotal(CASE_COUNT_LIMIT)).toBe(true);
    expect(formatCaseTotal(42, 'fr')).toBe('42');
    expect(formatCaseTotal(CASE_COUNT_LIMIT, 'en')).toBe('10,000+');
    expect(formatCaseTotal(CASE_COUNT_LIMIT, 'fr').replace(/\s/g, ' ')).toBe('10 000+');
  });
});
