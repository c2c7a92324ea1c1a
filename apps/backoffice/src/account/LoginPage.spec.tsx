import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { AdminContext, type AuthProvider, memoryStore } from 'react-admin';
import { LOCALE_STORAGE_KEY, createI18nProvider } from '../i18n/i18nProvider';
import { LoginError, type LoginParams } from '../providers/authProvider';
import { theme } from '../theme';
import { LoginPage } from './LoginPage';

const authProviderWith = (login: (params: LoginParams) => Promise<void>): AuthProvider => ({
  login,
  logout: async () => undefined,
  checkAuth: async () => {
    throw new Error('not signed in');
  },
  checkError: async () => undefined,
  getPermissions: async () => [],
});

const renderLoginPage = (login: (params: LoginParams) => Promise<void> = async () => undefined) =>
  render(
    <AdminContext
      authProvider={authProviderWith(login)}
      i18nProvider={createI18nProvider('fr')}
      store={memoryStore()}
      theme={theme}
    >
      <LoginPage />
    </AdminContext>,
  );

const input = (name: string): HTMLInputElement => {
  const element = document.querySelector(`input[name="${name}"]`);
  if (!(element instanceof HTMLInputElement)) throw new Error(`no input named ${name}`);
  return element;
};

beforeEach(() => localStorage.clear());

describe('LoginPage', () => {
  it('renders in French by default and switches to English from the toggle on the card', async () => {
    renderLoginPage();

    expect(await screen.findByText('Modération des signalements')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
    expect(
      screen.getByText('Accès réservé au personnel habilité. Chaque connexion est journalisée.'),
    ).toBeTruthy();
    expect(input('email')).toBeTruthy();
    expect(input('password').type).toBe('password');

    fireEvent.click(within(screen.getByTestId('locale-switch')).getByRole('button', { name: 'English' }));

    expect(await screen.findByText('Report moderation')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByText('Modération des signalements')).toBeNull();
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });

  it('asks for the 6-digit code when the account has a second factor, then sends it', async () => {
    // The second answer is a refusal: a success would navigate, which needs fetch's Request, absent from jsdom.
    const login = jest
      .fn<Promise<void>, [LoginParams]>()
      .mockRejectedValueOnce(new LoginError('mfa_required'))
      .mockRejectedValueOnce(new LoginError('mfa_invalid'));
    renderLoginPage(login);
    await screen.findByText('Modération des signalements');
    expect(document.querySelector('input[name="totp"]')).toBeNull();

    fireEvent.change(input('email'), { target: { value: ' camille@vigie.test ' } });
    fireEvent.change(input('password'), { target: { value: 'correct horse battery' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Se connecter' })));

    expect(await screen.findByText('Double authentification')).toBeTruthy();
    fireEvent.change(input('totp'), { target: { value: '12 34-56' } });
    expect(input('totp').value).toBe('123456');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Vérifier' })));

    expect(login).toHaveBeenCalledTimes(2);
    expect(login.mock.calls[0][0]).toEqual({
      email: 'camille@vigie.test',
      password: 'correct horse battery',
    });
    expect(login.mock.calls[1][0]).toEqual({
      email: 'camille@vigie.test',
      password: 'correct horse battery',
      totp: '123456',
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Code incorrect ou expiré. Saisissez le code affiché actuellement.',
    );
    expect(input('totp').value).toBe('');
  });

  it('does not call the API with an empty form', async () => {
    const login = jest.fn<Promise<void>, [LoginParams]>();
    renderLoginPage(login);

    fireEvent.click(await screen.findByRole('button', { name: 'Se connecter' }));

    expect(await screen.findAllByText('Champ obligatoire')).toHaveLength(2);
    expect(login).not.toHaveBeenCalled();
  });

  it('tells an account that must enrol a second factor what to do', async () => {
    renderLoginPage(async () => {
      throw new LoginError('mfa_enrolment_required');
    });
    fireEvent.change(await screen.findByLabelText(/Adresse e-mail/), { target: { value: 'a@b.c' } });
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Se connecter' })));

    expect((await screen.findByRole('alert')).textContent).toMatch(/activer la double authentification/);
  });

  it('takes a recovery code instead of the app code, whatever its case and spacing', async () => {
    const login = jest
      .fn<Promise<void>, [LoginParams]>()
      .mockRejectedValueOnce(new LoginError('mfa_required'))
      .mockRejectedValueOnce(new LoginError('mfa_invalid'));
    renderLoginPage(login);
    fireEvent.change(await screen.findByLabelText(/Adresse e-mail/), {
      target: { value: 'camille@vigie.test' },
    });
    fireEvent.change(input('password'), { target: { value: 'correct horse battery' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Se connecter' })));

    fireEvent.click(await screen.findByRole('button', { name: 'Utiliser un code de secours' }));
    expect(screen.getByLabelText(/Code de secours/)).toBeTruthy();
    fireEvent.change(input('totp'), { target: { value: 'K7QM T3PR' } });
    expect(input('totp').value).toBe('k7qm-t3pr');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Vérifier' })));

    expect(login.mock.calls[1][0]).toEqual({
      email: 'camille@vigie.test',
      password: 'correct horse battery',
      totp: 'k7qm-t3pr',
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Code de secours incorrect ou déjà utilisé.');

    // And back to the app's 6-digit code.
    fireEvent.click(screen.getByRole('button', { name: "Utiliser l'application d'authentification" }));
    expect(screen.getByLabelText(/Code à 6 chiffres/)).toBeTruthy();
  });

  it('does not send a malformed recovery code', async () => {
    const login = jest
      .fn<Promise<void>, [LoginParams]>()
      .mockRejectedValueOnce(new LoginError('mfa_required'));
    renderLoginPage(login);
    fireEvent.change(await screen.findByLabelText(/Adresse e-mail/), { target: { value: 'a@b.c' } });
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Se connecter' })));
    fireEvent.click(await screen.findByRole('button', { name: 'Utiliser un code de secours' }));

    fireEvent.change(input('totp'), { target: { value: 'abc' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Vérifier' })));

    expect(await screen.findByText('Un code de secours a la forme xxxx-xxxx.')).toBeTruthy();
    expect(login).toHaveBeenCalledTimes(1);
  });
});
