import type { StaffAccessActivity, StaffAlert } from '@vigie/contracts';
import type { AlertsApi } from '../alerts/alertsApi';

export const anAlert = (overrides: Partial<StaffAlert> = {}): StaffAlert => ({
  id: '7d1c1f52-3b9e-4c55-9d7a-0f6a5b3c2e11',
  rule: 'openings_per_hour',
  staffId: '5b0a4c1e-8f8e-4f1d-9a3c-2d1e0f9b8a77',
  staffName: 'Camille Martin',
  openedAt: '2026-11-26T09:00:00.000Z',
  windowStart: '2026-11-26T08:10:00.000Z',
  windowEnd: '2026-11-26T08:59:00.000Z',
  status: 'open',
  evidence: { sequences: [101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111] },
  details: {},
  note: null,
  resolvedAt: null,
  resolvedBy: null,
  ...overrides,
});

/** An alerts API of the test's own: each method a jest mock with a plausible answer. */
export const fakeAlertsApi = (alerts: StaffAlert[] = [anAlert()], activity?: StaffAccessActivity) => ({
  list: jest.fn<ReturnType<AlertsApi['list']>, Parameters<AlertsApi['list']>>(async (_page, _perPage, filters) => {
    const data = alerts.filter((a) => (!filters.status || a.status === filters.status) && (!filters.rule || a.rule === filters.rule));
    return { data, total: data.length };
  }),
  openCount: jest.fn<ReturnType<AlertsApi['openCount']>, []>(async () => alerts.filter((a) => a.status === 'open').length),
  resolve: jest.fn<ReturnType<AlertsApi['resolve']>, Parameters<AlertsApi['resolve']>>(async (id, status, note) => ({
    ...(alerts.find((a) => a.id === id) ?? anAlert()),
    status,
    note,
  })),
  activity: jest.fn<ReturnType<AlertsApi['activity']>, Parameters<AlertsApi['activity']>>(async () => {
    if (!activity) throw new Error('no activity in this test');
    return activity;
  }),
});
