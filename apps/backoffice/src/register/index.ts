import { lazy } from 'react';
import type { ScreenRoute } from '../common/screenRoute';

// The API calls it `audit` (`/api/v1/audit/...`, the `audit.view` action): those names stay the API's.
export const registerRoute: ScreenRoute = {
  path: '/register',
  action: 'audit.view',
  Page: lazy(() => import('./RegisterPage').then((module) => ({ default: module.RegisterPage }))),
};

/** The register's first address, kept for bookmarks. */
export const REGISTER_OLD_PATH = '/access-register';
