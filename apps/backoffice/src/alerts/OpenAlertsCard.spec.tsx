import { screen, within } from '@testing-library/react';
import { anAlert, fakeAlertsApi } from '../testing/alertsFixtures';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { OpenAlertsBadge } from './OpenAlertsBadge';
import { OpenAlertsCard } from './OpenAlertsCard';
import { alertsApi } from './alertsApi';

describe("the DPO's open alerts", () => {
  it('are on the dashboard, the newest first, with the way to all of them', async () => {
    const alert = anAlert();
    const api = fakeAlertsApi([alert, anAlert({ id: 'b2', status: 'acknowledged' })]);
    renderWithAdmin(<OpenAlertsCard api={api} />);
    const item = await screen.findByTestId(`open-alert-${alert.id}`);
    expect(api.list).toHaveBeenCalledWith(1, 5, { status: 'open' });
    expect(within(item).getByText("Trop d'ouvertures en une heure")).toBeTruthy();
    expect(within(item).getByText('Camille Martin').getAttribute('href')).toBe(`/alerts/staff/${alert.staffId}`);
    expect(screen.getByTestId('open-alerts-total').textContent).toBe('1 ouverte');
    expect(screen.getByText('Voir les alertes').closest('a')?.getAttribute('href')).toBe('/alerts');
  });

  it('name no one for an alert about Vigie itself', async () => {
    const alert = anAlert({ id: 'c3', rule: 'checkpoint_failed', staffId: null, staffName: null, evidence: { sequences: [] }, details: { error: 'SigningError' } });
    renderWithAdmin(<OpenAlertsCard api={fakeAlertsApi([alert])} />);
    const item = await screen.findByTestId(`open-alert-${alert.id}`);
    expect(within(item).getByText('Point de contrôle non signé')).toBeTruthy();
    expect(within(item).getByText(/Système/)).toBeTruthy();
    expect(item.querySelector('a')).toBeNull();
  });

  it('say so when there is none', async () => {
    renderWithAdmin(<OpenAlertsCard api={fakeAlertsApi([])} />);
    expect((await screen.findByTestId('open-alerts-none')).textContent).toBe('Aucune alerte ouverte.');
  });

  it('are counted on the menu badge', async () => {
    jest.spyOn(alertsApi, 'openCount').mockResolvedValue(4);
    renderWithAdmin(
      <OpenAlertsBadge>
        <span>icône</span>
      </OpenAlertsBadge>,
    );
    const badge = await screen.findByTestId('alerts-badge');
    await screen.findByText('4');
    expect(badge.getAttribute('data-count')).toBe('4');
    expect(badge.getAttribute('aria-label')).toBe('4 alertes ouvertes');
  });
});
