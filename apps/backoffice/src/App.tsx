import { lazy } from 'react';
import { Admin, CustomRoutes, Resource, localStorageStore } from 'react-admin';
import { Navigate, Route } from 'react-router';
import { RequireAccess } from './components/RequireAccess';
import { i18nProvider } from './i18n/i18nProvider';
import { AppLayout } from './layout/AppLayout';
import { PROFILE_PATH } from './layout/AppUserMenu';
import { UPCOMING_SCREENS } from './layout/screens';
import { LoginPage } from './pages/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { casesResource } from './resources/cases';
import { staffResource } from './resources/staff';
import { theme } from './theme';

// Screens load on demand: the login page ships only what it needs.
const Dashboard = lazy(() => import('./layout/Dashboard').then((module) => ({ default: module.Dashboard })));
const UpcomingScreen = lazy(() =>
  import('./layout/UpcomingScreen').then((module) => ({ default: module.UpcomingScreen })),
);
const ProfilePage = lazy(() =>
  import('./account/ProfilePage').then((module) => ({ default: module.ProfilePage })),
);
const AccessRegisterPage = lazy(() =>
  import('./pages/access-register/AccessRegisterPage').then((module) => ({
    default: module.AccessRegisterPage,
  })),
);
const RetentionPage = lazy(() =>
  import('./pages/retention/RetentionPage').then((module) => ({ default: module.RetentionPage })),
);
const ApprovalsPage = lazy(() =>
  import('./pages/approvals/ApprovalsPage').then((module) => ({ default: module.ApprovalsPage })),
);
const DeliveriesPage = lazy(() =>
  import('./pages/deliveries/DeliveriesPage').then((module) => ({ default: module.DeliveriesPage })),
);

const store = localStorageStore(undefined, 'Vigie');

export const App = () => (
  <Admin
    title="Vigie"
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    store={store}
    theme={theme}
    layout={AppLayout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    <Resource {...casesResource} />
    <Resource {...staffResource} />
    <CustomRoutes>
      <Route path={PROFILE_PATH} element={<ProfilePage />} />
      {/* The queue's first address, kept for bookmarks. */}
      <Route path="/queue" element={<Navigate to="/cases" replace />} />
      <Route
        path="/access-register"
        element={
          <RequireAccess action="audit.view">
            <AccessRegisterPage />
          </RequireAccess>
        }
      />
      <Route
        path="/retention"
        element={
          <RequireAccess action="retention.view">
            <RetentionPage />
          </RequireAccess>
        }
      />
      <Route
        path="/approvals"
        element={
          <RequireAccess action="decision.approve">
            <ApprovalsPage />
          </RequireAccess>
        }
      />
      <Route
        path="/deliveries"
        element={
          <RequireAccess action="deliveries.view">
            <DeliveriesPage />
          </RequireAccess>
        }
      />
      {UPCOMING_SCREENS.map((screen) => (
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
