import { readAlert } from './alertsApi';

const base = {
  id: '1a2b3c4d-0000-4000-8000-000000000001',
  openedAt: '2026-12-05T03:00:00.000Z',
  windowStart: '2026-12-05T03:00:00.000Z',
  windowEnd: '2026-12-05T03:00:00.000Z',
  status: 'open',
  evidence: { sequences: [] },
  note: null,
  resolvedAt: null,
  resolvedBy: null,
};

describe('readAlert', () => {
  it('reads a system alert: nobody named, its details kept as scalars only', () => {
    const alert = readAlert({ ...base, rule: 'register_broken', staffId: null, staffName: null, details: { sequence: 12, problem: 'hash_mismatch', nested: { x: 1 } } });
    expect(alert).toMatchObject({ rule: 'register_broken', staffId: null, details: { sequence: 12, problem: 'hash_mismatch' } });
    expect(alert?.details).not.toHaveProperty('nested');
  });

  it('still refuses an alert whose person is neither an id nor null', () => {
    expect(readAlert({ ...base, rule: 'widening', staffId: 42, details: {} })).toBeNull();
    expect(readAlert({ ...base, rule: 'widening', staffId: 'a', staffName: 'A' })?.details).toEqual({});
  });
});
