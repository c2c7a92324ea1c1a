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
  fireEvent.change(input('password'), { target: { value: 'lea-martin-2026-ok' } });
};

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
});

afterEach(() => jest.restoreAllMocks());

describe('StaffCreate', () => {
  it('describes each role and states the password policy', async () => {
    renderCreate();

    expect(await screen.findByText(/Traite les signalements/)).toBeTruthy();
    expect(screen.getByText(/Gère les comptes de l'équipe/)).toBeTruthy();
    expect(screen.getByText(/12 caractères au minimum/)).toBeTruthy();
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
      password: 'lea-martin-2026-ok',
    });
  });

  it('shows a weak password on the password input, in words staff can act on', async () => {
    fetchMock.mockResolvedValue(
      jsonReply(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'The password must not contain the e-mail address.',
        details: {
          code: 'weak_password',
          fields: [{ field: 'password', code: 'contains_email', message: 'must not contain the e-mail address' }],
        },
      }),
    );
    renderCreate();
    await fillIn();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' })));

    expect(await screen.findByText("Le mot de passe ne doit pas contenir l'adresse e-mail.")).toBeTruthy();
    expect(input('password').getAttribute('aria-invalid')).toBe('true');
  });

  it('does not call the API without a role', async () => {
    renderCreate();
    fireEvent.change(await screen.findByLabelText(/^Nom/), { target: { value: 'Léa Martin' } });
    fireEvent.change(input('email'), { target: { value: 'lea@vigie.test' } });
    fireEvent.change(input('password'), { target: { value: 'lea-martin-2026-ok' } });

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' })));

    expect(await screen.findByText('Choisissez au moins un rôle.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('generates a password the policy accepts, shown so that it can be passed on', async () => {
    renderCreate();

    fireEvent.click(await screen.findByRole('button', { name: 'Générer un mot de passe' }));

    expect(input('password').value).toMatch(/^[\w]{5}(-[\w]{5}){3}$/);
    expect(input('password').type).toBe('text');
  });
});
