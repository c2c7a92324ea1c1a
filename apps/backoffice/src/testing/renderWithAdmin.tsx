import { render } from '@testing-library/react';
import type { StaffRole } from '@vigie/contracts';
import type { ReactNode } from 'react';
import { AdminContext, type AuthProvider, Notification, memoryStore } from 'react-admin';
import { MemoryRouter } from 'react-router';
import { createI18nProvider } from '../i18n/i18nProvider';
import { createDataProvider } from '../providers/dataProvider';
import { theme } from '../theme';

const authProviderFor = (roles: StaffRole[]): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => ({ id: 'staff-dpo', fullName: 'Inès Dubois' }),
  getPermissions: async () => roles,
});

/**
 * The register's components as the app runs them (real dataProvider over a faked fetch), in French,
 * with the notifications the layout would show.
 */
export const renderWithAdmin = (ui: ReactNode, roles: StaffRole[] = ['dpo']) =>
  // A plain router: react-admin's own data router needs `Request`, which jsdom lacks, to navigate.
  render(
    <MemoryRouter>
      <AdminContext
        dataProvider={createDataProvider()}
        authProvider={authProviderFor(roles)}
        i18nProvider={createI18nProvider('fr')}
        store={memoryStore()}
        theme={theme}
      >
        {ui}
        <Notification />
      </AdminContext>
    </MemoryRouter>,
  );
