import { lazy } from 'react';
import type { ScreenRoute } from '../common/screenRoute';
import { PROFILE_PATH } from '../layout/AppUserMenu';

// The login page ships in the first bundle: it is the first screen anyone sees.
export { LoginPage } from './LoginPage';

export const profileRoute: ScreenRoute = {
  path: PROFILE_PATH,
  Page: lazy(() => import('./ProfilePage').then((module) => ({ default: module.ProfilePage }))),
};
