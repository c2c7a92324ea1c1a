import { act, fireEvent, render, screen } from '@testing-library/react';
import { AdminContext, memoryStore } from 'react-admin';
import { createI18nProvider } from '../i18n/i18nProvider';
import { createDataProvider } from '../providers/dataProvider';
import { setCsrfToken } from '../providers/httpClient';
import { theme } from '../theme';
import { StaffCreate } from './StaffCreate';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';

const fetchMock = createFetchMock();

const input = (name: string): HTMLInputElement => {
  const element = document.querySelector(`input[name="${name}"]`);
  if (!(element instanceof HTMLInputElement)) throw new Error(`no input named ${name}`);
  return element;
};

const renderCreate = () =>
  render(
    <AdminContext
      dataProvider={createDataProvider()}
      i18nProvider={createI18nProvider('fr')}
      store={memoryStore()}
      theme={theme}
    >
      <StaffCreate />
    </AdminContext>,
  );

const fillIn = async () => {
  fireEvent.change(await screen.findByLabelText(/^Nom/), { target: { value: 'Léa Martin' } });
  fireEvent.change(input('email'), { target: { value: 'lea@vigie.test' } });
  fireEvent.click(screen.getByRole('checkbox', { name: /Responsable modération/ }));
  fireEvent.click(screen.getByRole('checkbox', { name: /^Modération/ }));
};

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
});

afterEach(() => jest.restoreAllMocks());

describe('StaffCreate', () => {
  it('describes each role, says roles wait for approval, and asks for no password', async () => {
    renderCreate();

    expect(await screen.findByText(/Traite les signalements/)).toBeTruthy();
    expect(screen.getByText(/Gère les comptes de l'équipe/)).toBeTruthy();
    expect(screen.getByText(/attendent l'approbation d'une deuxième personne/)).toBeTruthy();
    expect(screen.getByText(/Vous ne choisissez pas le mot de passe/)).toBeTruthy();
    expect(document.querySelector('input[name="password"]')).toBeNull();
  });

  it("shows the API's refusal of the e-mail address on the e-mail input", async () => {
    fetchMock.mockResolvedValue(
      jsonReply(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'An account with this e-mail address already exists.',
        details: { code: 'email_taken', fields: [{ field: 'email', message: 'is already used' }] },
      }),
    );
    renderCreate();
    await fillIn();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' })));

    expect(
      await screen.findByText('Cette adresse e-mail est déjà utilisée par un autre compte.'),
    ).toBeTruthy();
    expect(input('email').getAttribute('aria-invalid')).toBe('true');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/staff');
    // Roles in the contract's order, whatever order they were ticked in.
    expect(JSON.parse(String(init?.body))).toEqual({
      email: 'lea@vigie.test',
      name: 'Léa Martin',
      roles: ['moderator', 'lead'],
    });
  });

  it('shows the one-time link to hand over, once the account is created', async () => {
    fetchMock.mockResolvedValue(
      jsonReply(201, {
        id: '0b5e4a52-6f0e-4a55-9a3b-2d3f7c1e9a10',
        email: 'lea@vigie.test',
        name: 'Léa Martin',
        roles: [],
        pendingRoles: ['moderator', 'lead'],
        disabled: false,
        mfaEnabled: false,
        lastLoginAt: null,
        createdAt: '2026-12-05T08:00:00.000Z',
        passwordLink: { url: '/#/set-password?token=tok_abc', expiresAt: '2026-12-06T08:00:00.000Z' },
      }),
    );
    renderCreate();
    await fillIn();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' })));

    expect(await screen.findByText('Lien à remettre à Léa Martin')).toBeTruthy();
    const link = screen.getByTestId('password-link-url');
    expect(link instanceof HTMLInputElement && link.value).toBe(
      `${window.location.origin}/#/set-password?token=tok_abc`,
    );
    expect(screen.getByText(/vous ne pouvez pas les approuver vous-même/)).toBeTruthy();
  });

  it('does not call the API without a role', async () => {
    renderCreate();
    fireEvent.change(await screen.findByLabelText(/^Nom/), { target: { value: 'Léa Martin' } });
    fireEvent.change(input('email'), { target: { value: 'lea@vigie.test' } });

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' })));

    expect(await screen.findByText('Choisissez au moins un rôle.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
