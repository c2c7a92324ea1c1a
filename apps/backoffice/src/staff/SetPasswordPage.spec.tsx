import { act, fireEvent, render, screen } from '@testing-library/react';
import { AdminContext, memoryStore } from 'react-admin';
import { MemoryRouter } from 'react-router';
import { createI18nProvider } from '../i18n/i18nProvider';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { theme } from '../theme';
import { SetPasswordPage } from './SetPasswordPage';
import { absoluteLink, tokenOf } from './staffApi';

const fetchMock = createFetchMock();

const renderAt = (path: string) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <AdminContext i18nProvider={createI18nProvider('fr')} store={memoryStore()} theme={theme}>
        <SetPasswordPage />
      </AdminContext>
    </MemoryRouter>,
  );

const passwordInput = (name: string): HTMLInputElement => {
  const element = document.querySelector(`input[name="${name}"]`);
  if (!(element instanceof HTMLInputElement)) throw new Error(`no input named ${name}`);
  return element;
};

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
});

afterEach(() => jest.restoreAllMocks());

describe('the password link', () => {
  it('is handed over as an address of this backoffice, its token read back from it', () => {
    expect(absoluteLink({ url: '/#/set-password?token=abc', expiresAt: '' }, 'https://vigie.example')).toBe(
      'https://vigie.example/#/set-password?token=abc',
    );
    expect(tokenOf('?token=abc-DEF_1')).toBe('abc-DEF_1');
    expect(tokenOf('')).toBe('');
  });

  it("names the link's account, then sets the password with the token, never in an address", async () => {
    fetchMock
      .mockResolvedValueOnce(
        jsonReply(200, {
          email: 'lea@vigie.test',
          name: 'Léa Martin',
          expiresAt: '2026-12-06T08:00:00.000Z',
        }),
      )
      .mockResolvedValueOnce(jsonReply(204));
    renderAt('/set-password?token=tok_1');

    expect((await screen.findByTestId('link-account')).textContent).toBe(
      'Compte de Léa Martin (lea@vigie.test)',
    );
    fireEvent.change(passwordInput('password'), { target: { value: 'ciel-ardoise-tram-77' } });
    fireEvent.change(passwordInput('confirmPassword'), { target: { value: 'ciel-ardoise-tram-77' } });
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: /Enregistrer mon mot de passe/ })),
    );

    expect(await screen.findByTestId('password-set')).toBeTruthy();
    const [inspectUrl, inspectInit] = fetchMock.mock.calls[0];
    expect(inspectUrl).toBe('/api/v1/auth/password-link');
    expect(JSON.parse(String(inspectInit?.body))).toEqual({ token: 'tok_1' });
    const [setUrl, setInit] = fetchMock.mock.calls[1];
    expect(setUrl).toBe('/api/v1/auth/set-password');
    expect(JSON.parse(String(setInit?.body))).toEqual({ token: 'tok_1', password: 'ciel-ardoise-tram-77' });
  });

  it('says a used link is spent, with nothing to type', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonReply(410, { statusCode: 410, error: 'Gone', message: 'used', details: { code: 'link_used' } }),
    );
    renderAt('/set-password?token=tok_used');

    expect((await screen.findByTestId('link-problem')).textContent).toMatch(/Ce lien a déjà servi/);
    expect(document.querySelector('input[name="password"]')).toBeNull();
  });
});
