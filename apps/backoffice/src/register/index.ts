import { lazy } from 'react';
import type { ScreenRoute } from '../common/screenRoute';

// The API's routes are under `/api/v1/audit/...`; the concept, and its actions, are the register's.
export const registerRoute: ScreenRoute = {
  path: '/register',
  action: 'register.view',
  Page: lazy(() => import('./RegisterPage').then((module) => ({ default: module.RegisterPage }))),
};

/** The register's first address, kept for bookmarks. */
export const REGISTER_OLD_PATH = '/access-register';
