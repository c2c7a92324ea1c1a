import { lazy } from 'react';
import { Admin, CustomRoutes, localStorageStore } from 'react-admin';
import { Route } from 'react-router';
import { RequireAccess } from './components/RequireAccess';
import { i18nProvider } from './i18n/i18nProvider';
import { AppLayout } from './layout/AppLayout';
import { SCREENS } from './navigation/screens';
import { LoginPage } from './pages/LoginPage';
import { authProvider } from './providers/authProvider';
import { theme } from './theme';

// Screens load on demand: the login page ships only what it needs.
const Dashboard = lazy(() => import('./pages/Dashboard').then((module) => ({ default: module.Dashboard })));
const UpcomingScreen = lazy(() =>
  import('./pages/UpcomingScreen').then((module) => ({ default: module.UpcomingScreen })),
);

const store = localStorageStore(undefined, 'Vigie');

export const App = () => (
  <Admin
    title="Vigie"
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    theme={theme}
    layout={AppLayout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    <CustomRoutes>
      {SCREENS.map((screen) => (
        <Route
          key={screen.id}
          path={screen.path}
          element={
            <RequireAccess action={screen.action}>
              <UpcomingScreen screen={screen} />
            </RequireAccess>
          }
        />
      ))}
    </CustomRoutes>
  </Admin>
);
