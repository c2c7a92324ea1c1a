import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpError } from 'react-admin';
import { anAlert, fakeAlertsApi } from '../testing/alertsFixtures';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { AlertsPage } from './AlertsPage';

const open = anAlert();
const done = anAlert({
  id: '0f0e5a44-2222-4b1e-8c3d-5e6f7a8b9c00',
  rule: 'repeated_denials',
  status: 'dismissed',
  note: 'Erreurs de saisie, vu avec la personne.',
  resolvedBy: { id: 'dpo', name: 'Inès Dubois' },
  resolvedAt: '2026-11-26T10:00:00.000Z',
  evidence: { sequences: [7, 8, 9] },
});

describe('the alerts screen', () => {
  it('shows the open alerts first: the rule, the person, the register entries — never a justification', async () => {
    const api = fakeAlertsApi([open, done]);
    renderWithAdmin(<AlertsPage api={api} />);
    const row = await screen.findByTestId(`alert-${open.id}`);
    expect(api.list).toHaveBeenCalledWith(1, 25, { status: 'open', rule: undefined });
    expect(within(row).getByText("Trop d'ouvertures en une heure")).toBeTruthy();
    expect(within(row).getByTestId('alert-staff').textContent).toBe('Camille Martin');
    expect(within(row).getByTestId('alert-staff').getAttribute('href')).toBe(`/alerts/staff/${open.staffId}`);
    expect(within(row).getByTestId('alert-evidence').textContent).toBe('n° 101, n° 102, n° 103, n° 104, n° 105, n° 106 et 5 autres');
    expect(within(row).getByText('Ouverte')).toBeTruthy();
    expect(screen.queryByTestId(`alert-${done.id}`)).toBeNull();
    expect(screen.getByTestId('alerts-total').textContent).toBe('1 alerte');
  });

  it('shows an alert about Vigie itself as the system’s, with what it points at instead of a person', async () => {
    const broken = anAlert({ id: '1a2b3c4d-0000-4000-8000-000000000001', rule: 'register_broken', staffId: null, staffName: null, evidence: { sequences: [] }, details: { chain: 'register', sequence: 4812, problem: 'hash_mismatch', trigger: 'schedule' } });
    const retention = anAlert({ id: '1a2b3c4d-0000-4000-8000-000000000002', rule: 'retention_failed', staffId: null, staffName: null, evidence: { sequences: [] }, details: { runId: '9f8e7d6c-1111-4222-8333-444455556666', status: 'interrupted' } });
    renderWithAdmin(<AlertsPage api={fakeAlertsApi([broken, retention])} />);
    const row = await screen.findByTestId(`alert-${broken.id}`);
    expect(within(row).getByText('Registre des accès altéré')).toBeTruthy();
    expect(within(row).getByTestId('alert-system').textContent).toBe('Système');
    expect(within(row).queryByTestId('alert-staff')).toBeNull();
    expect(within(row).getByTestId('alert-details').textContent).toBe('entrée n°\u00a04812 · hash_mismatch');
    const other = screen.getByTestId(`alert-${retention.id}`);
    expect(within(other).getByTestId('alert-details').textContent).toBe('exécution 9f8e7d6c · interrompue');
    // Nobody's alert: any DPO may resolve it.
    expect(within(row).getByTestId('alert-resolve')).toBeTruthy();
  });

  it('filters by status, and shows how a resolved alert was resolved', async () => {
    const api = fakeAlertsApi([open, done]);
    renderWithAdmin(<AlertsPage api={api} />);
    await screen.findByTestId(`alert-${open.id}`);
    fireEvent.change(screen.getByTestId('alerts-filter-status'), { target: { value: 'dismissed' } });
    const row = await screen.findByTestId(`alert-${done.id}`);
    expect(api.list).toHaveBeenLastCalledWith(1, 25, { status: 'dismissed', rule: undefined });
    expect(within(row).getByText('Écartée')).toBeTruthy();
    expect(within(row).getByTestId('alert-note').textContent).toBe('Inès Dubois : Erreurs de saisie, vu avec la personne.');
    expect(within(row).queryByTestId('alert-resolve')).toBeNull();
  });

  it('says so when no alert is open', async () => {
    renderWithAdmin(<AlertsPage api={fakeAlertsApi([done])} />);
    expect((await screen.findByTestId('alerts-empty')).textContent).toBe('Aucune alerte ouverte.');
  });

  it('resolves an alert only with a note, then lists it again', async () => {
    const api = fakeAlertsApi([open]);
    renderWithAdmin(<AlertsPage api={api} />);
    fireEvent.click(within(await screen.findByTestId(`alert-${open.id}`)).getByTestId('alert-resolve'));
    const dialog = await screen.findByTestId('resolve-alert-dialog');
    fireEvent.click(within(dialog).getByTestId('resolve-alert-submit'));
    expect(await within(dialog).findByText('Écrivez une note d’au moins 3 caractères.')).toBeTruthy();
    expect(api.resolve).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByLabelText('Écarter'));
    fireEvent.change(within(dialog).getByTestId('resolve-alert-note'), { target: { value: '  Pic lié à une campagne de signalements.  ' } });
    fireEvent.click(within(dialog).getByTestId('resolve-alert-submit'));
    await waitFor(() => expect(api.resolve).toHaveBeenCalledWith(open.id, 'dismissed', 'Pic lié à une campagne de signalements.'));
    expect(await screen.findByText('Alerte traitée.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('resolve-alert-dialog')).toBeNull());
    await waitFor(() => expect(api.list).toHaveBeenCalledTimes(2));
  });

  it('tells the DPO when someone else resolved the alert meanwhile', async () => {
    const api = fakeAlertsApi([open]);
    api.resolve.mockRejectedValueOnce(new HttpError('vigie.errors.alert_resolved', 409, { details: { code: 'alert_resolved' } }));
    renderWithAdmin(<AlertsPage api={api} />);
    fireEvent.click(within(await screen.findByTestId(`alert-${open.id}`)).getByTestId('alert-resolve'));
    const dialog = await screen.findByTestId('resolve-alert-dialog');
    fireEvent.change(within(dialog).getByTestId('resolve-alert-note'), { target: { value: 'Vu avec la personne.' } });
    fireEvent.click(within(dialog).getByTestId('resolve-alert-submit'));
    expect(await screen.findByText('Cette alerte avait déjà été traitée par quelqu’un d’autre.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('resolve-alert-dialog')).toBeNull());
  });

  it('leaves an alert about the DPO themselves to another DPO', async () => {
    // renderWithAdmin signs in 'staff-dpo'.
    const mine = anAlert({ id: 'c3', staffId: 'staff-dpo', staffName: 'Inès Dubois', rule: 'repeated_denials' });
    renderWithAdmin(<AlertsPage api={fakeAlertsApi([mine, open])} />);
    const own = await screen.findByTestId('alert-c3');
    expect(within(own).queryByTestId('alert-resolve')).toBeNull();
    expect(within(own).getByTestId('alert-own').textContent).toBe('Vous concerne\u00a0: un autre DPO la traite');
    expect(within(screen.getByTestId(`alert-${open.id}`)).getByTestId('alert-resolve')).toBeTruthy();
  });
});
