import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { StaffAccessActivity } from '@vigie/contracts';
import { Route, Routes } from 'react-router';
import { anAlert, fakeAlertsApi } from '../testing/alertsFixtures';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { StaffActivityPage } from './StaffActivityPage';

// The chart itself is drawn by the chart library in a browser; here, what the page hands it.
jest.mock('./ActivityChart', () => ({
  __esModule: true,
  default: ({ days, alerts }: { days: { day: string; openings: number }[]; alerts: { rule: string }[] }) => (
    <div data-testid="chart-stub">
      {days.map((d) => `${d.day}:${d.openings}`).join(' ')} | {alerts.map((a) => a.rule).join(' ')}
    </div>
  ),
}));

const staffId = '5b0a4c1e-8f8e-4f1d-9a3c-2d1e0f9b8a77';
const alert = anAlert({ windowEnd: '2026-11-25T08:59:00.000Z' });
const activity: StaffAccessActivity = {
  staff: { id: staffId, name: 'Camille Martin', roles: ['moderator'] },
  from: '2026-11-24T00:00:00.000Z',
  to: '2026-11-27T00:00:00.000Z',
  days: [
    { day: '2026-11-24', openings: 2, denials: 0, widenings: 0 },
    { day: '2026-11-25', openings: 11, denials: 3, widenings: 4 },
    { day: '2026-11-26', openings: 1, denials: 1, widenings: 1 },
  ],
  alerts: [alert],
};

const renderPage = (api: ReturnType<typeof fakeAlertsApi>) => {
  window.history.pushState({}, '', `/alerts/staff/${staffId}`);
  return renderWithAdmin(
    <Routes>
      <Route path="*" element={<StaffActivityPage api={api} />} />
    </Routes>,
  );
};

describe("a staff member's activity", () => {
  it('sums the period, draws it per day with the alerts, and lists the alerts', async () => {
    const api = fakeAlertsApi([alert], activity);
    renderPage(api);
    expect(await screen.findByText('Activité de Camille Martin')).toBeTruthy();
    expect(screen.getByTestId('activity-total-openings').textContent).toBe('14 ouvertures');
    expect(screen.getByTestId('activity-total-widenings').textContent).toBe('5 conversations entières');
    expect(screen.getByTestId('activity-total-denials').textContent).toBe('4 refus');
    expect(screen.getByTestId('activity-total-alerts').textContent).toBe('1 alerte');
    expect((await screen.findByTestId('chart-stub')).textContent).toBe('2026-11-24:2 2026-11-25:11 2026-11-26:1 | openings_per_hour');
    expect(within(screen.getByTestId(`activity-alert-${alert.id}`)).getByText("Trop d'ouvertures en une heure")).toBeTruthy();
    const [, from, to] = api.activity.mock.calls[0];
    expect(to.getTime() - from.getTime()).toBe(30 * 86_400_000);
  });

  it('asks for a longer period on demand', async () => {
    const api = fakeAlertsApi([alert], { ...activity, alerts: [] });
    renderPage(api);
    expect(await screen.findByTestId('activity-no-alerts')).toBeTruthy();
    fireEvent.click(screen.getByTestId('activity-period-90'));
    await waitFor(() => expect(api.activity).toHaveBeenCalledTimes(2));
    const [, from, to] = api.activity.mock.calls[1];
    expect(to.getTime() - from.getTime()).toBe(90 * 86_400_000);
  });
});
