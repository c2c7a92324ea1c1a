import { backoffDelayMs, retryAfterMs } from './retry-delay';

describe('backoffDelayMs', () => {
  it('draws between 0 and an exponential ceiling', () => {
    expect(backoffDelayMs(1, 250, 30_000, () => 0)).toBe(0);
    expect(backoffDelayMs(1, 250, 30_000, () => 0.999)).toBe(249);
    expect(backoffDelayMs(3, 250, 30_000, () => 0.999)).toBe(999);
  });

  it('never exceeds maxDelayMs, however many attempts', () => {
    expect(backoffDelayMs(8, 250, 30_000, () => 0.999)).toBe(29_970);
    expect(backoffDelayMs(2000, 250, 30_000, () => 0.999)).toBe(29_970);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-20T10:00:00Z');

  it('reads delay-seconds', () => {
    expect(retryAfterMs('7', now)).toBe(7_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date, and a date already past as no wait', () => {
    expect(retryAfterMs('Fri, 20 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Fri, 20 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it.each([null, '', 'soon', '1.5', '-3'])('ignores %p', (value) => {
    expect(retryAfterMs(value, now)).toBeUndefined();
  });
});
