import { lazy, Suspense } from 'react';
import { Admin, CustomRoutes, Resource, localStorageStore } from 'react-admin';
import { Navigate, Route } from 'react-router';
import { LoginPage, profileRoute } from './account';
import { caseMetadataRoute, casesResource } from './cases';
import type { ScreenRoute } from './common/screenRoute';
import { RequireAccess } from './components/RequireAccess';
import { alertsRoute, staffActivityRoute } from './alerts';
import { approvalsRoute } from './decisions';
import { deliveriesRoute } from './deliveries';
import { i18nProvider } from './i18n/i18nProvider';
import { AppLayout } from './app/AppLayout';
import { UPCOMING_SCREENS } from './layout/screens';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { journalRoute } from './journal';
import { REGISTER_OLD_PATH, registerRoute } from './register';
import { processingRecordRoute } from './processing-record';
import { liaDocumentRoute, liaRoute } from './lia';
import { retentionRoute } from './retention';
import { roleRequestsRoute, setPasswordRoute, staffResource } from './staff';
import { subjectsRoute } from './subjects';
import { theme } from './theme';

// Screens load on demand: the login page ships only what it needs.
const Dashboard = lazy(() => import('./layout/Dashboard').then((module) => ({ default: module.Dashboard })));
const UpcomingScreen = lazy(() =>
  import('./layout/UpcomingScreen').then((module) => ({ default: module.UpcomingScreen })),
);
// The queue and the case page with the other domains' actions and cards (see app/).
const CaseListPage = lazy(() =>
  import('./app/CaseListPage').then((module) => ({ default: module.CaseListPage })),
);
const CaseShowPage = lazy(() =>
  import('./app/CaseShowPage').then((module) => ({ default: module.CaseShowPage })),
);

const SCREEN_ROUTES: readonly ScreenRoute[] = [
  registerRoute,
  alertsRoute,
  staffActivityRoute,
  journalRoute,
  subjectsRoute,
  processingRecordRoute,
  retentionRoute,
  approvalsRoute,
  deliveriesRoute,
  roleRequestsRoute,
  caseMetadataRoute,
  liaRoute,
  liaDocumentRoute,
];

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
    <Resource {...casesResource} list={CaseListPage} show={CaseShowPage} />
    <Resource {...staffResource} />
    {/* Reached with a password link, before the person has a password: no session, no layout. */}
    <CustomRoutes noLayout>
      <Route
        path={setPasswordRoute.path}
        element={
          <Suspense fallback={null}>
            <setPasswordRoute.Page />
          </Suspense>
        }
      />
    </CustomRoutes>
    <CustomRoutes>
      <Route path={profileRoute.path} element={<profileRoute.Page />} />
      {/* The first addresses of the queue and the register, kept for bookmarks. */}
      <Route path="/queue" element={<Navigate to="/cases" replace />} />
      <Route path={REGISTER_OLD_PATH} element={<Navigate to={registerRoute.path} replace />} />
      {SCREEN_ROUTES.map(({ path, action, Page }) => (
        <Route
          key={path}
          path={path}
          element={
            action ? (
              <RequireAccess action={action}>
                <Page />
              </RequireAccess>
            ) : (
              <Page />
            )
          }
        />
      ))}
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
