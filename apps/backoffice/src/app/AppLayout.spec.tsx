import { fireEvent, render, screen } from '@testing-library/react';
import type { StaffRole } from '@vigie/contracts';
import { AdminContext, type AuthProvider, memoryStore } from 'react-admin';
import { createI18nProvider } from '../i18n/i18nProvider';
import type { StaffSessionIdentity } from '../providers/authProvider';
import { theme } from '../theme';
import { AppLayout } from './AppLayout';
import { jsonReply } from '../testing/fakeFetch';

const identityOf = (roles: StaffRole[], mfaEnrolmentRequired = false): StaffSessionIdentity => ({
  id: 'st_1',
  fullName: 'Nadia Haddad',
  email: 'nadia@vigie.test',
  roles,
  pendingRoles: [],
  mfaEnabled: !mfaEnrolmentRequired,
  mfaEnrolmentRequired,
});

const authProviderFor = (identity: StaffSessionIdentity): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => identity,
  getPermissions: async () => (identity.mfaEnrolmentRequired ? [] : identity.roles),
});


const renderLayout = (identity: StaffSessionIdentity) =>
  render(
    <AdminContext
      authProvider={authProviderFor(identity)}
      i18nProvider={createI18nProvider('fr')}
      store={memoryStore()}
      theme={theme}
    >
      <AppLayout>
        <p>The page</p>
      </AppLayout>
    </AdminContext>,
  );

const openUserMenu = async () => fireEvent.click(await screen.findByRole('button', { name: /Profil/ }));

beforeEach(() => {
  global.fetch = jest.fn().mockResolvedValue(
    jsonReply(201, {
      secret: 'JBSWY3DPEHPK3PXP',
      otpauthUrl: 'otpauth://totp/Vigie:nadia?secret=JBSWY3DPEHPK3PXP',
      qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    }),
  );
});

describe('AppLayout', () => {
  it('shows someone who must enrol a second factor only the enrolment: no menu, no page, no profile', async () => {
    renderLayout(identityOf(['admin'], true));

    expect(await screen.findByRole('heading', { name: 'Activez la double authentification' })).toBeTruthy();
    expect(screen.getByText(/Votre compte \(Administration\) donne accès/)).toBeTruthy();
    expect(await screen.findByTestId('mfa-secret')).toBeTruthy();
    expect(screen.queryByText('The page')).toBeNull();
    expect(screen.queryByRole('menuitem', { name: /Tableau de bord|Équipe/ })).toBeNull();

    await openUserMenu();
    expect(await screen.findByRole('menuitem', { name: /Déconnexion/ })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'Mon profil' })).toBeNull();
  });

  it("gives an admin the staff screen in the menu, and everyone's profile in the user menu", async () => {
    renderLayout(identityOf(['admin']));

    expect(await screen.findByText('The page')).toBeTruthy();
    expect(await screen.findByRole('menuitem', { name: /Équipe/ })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: /File d'attente/ })).toBeNull();

    await openUserMenu();
    expect(await screen.findByRole('menuitem', { name: 'Mon profil' })).toBeTruthy();
  });

  it('gives a moderator the queue and not the staff, register or retention screens', async () => {
    renderLayout(identityOf(['moderator']));

    expect(await screen.findByRole('menuitem', { name: /File d'attente/ })).toBeTruthy();
    for (const name of [/Équipe/, /Registre des accès/, /Conservation/]) {
      expect(screen.queryByRole('menuitem', { name })).toBeNull();
    }
  });
});
