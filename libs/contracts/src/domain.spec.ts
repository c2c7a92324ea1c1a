import { ACCESS_PURPOSE, CASE_STATUSES, LEGAL_BASIS, REPORT_CATEGORIES } from './domain';

describe('domain vocabulary', () => {
  it('records the legal basis and purpose the privacy policy names', () => {
    expect(LEGAL_BASIS).toBe('GDPR-6-1-f');
    expect(ACCESS_PURPOSE).toBe('moderation.report-review');
  });

  it('offers the report categories of the in-app buttons, each once', () => {
    expect(new Set(REPORT_CATEGORIES).size).toBe(REPORT_CATEGORIES.length);
    expect(REPORT_CATEGORIES).toContain('minor_safety');
  });

  it('orders case statuses from open to closed', () => {
    expect(CASE_STATUSES[0]).toBe('open');
    expect(CASE_STATUSES[CASE_STATUSES.length - 1]).toBe('closed');
  });
});
