import { lazy } from 'react';
import type { ScreenRoute } from '../common/screenRoute';

// The DPO's screen of the legitimate-interest assessment: `GET/POST /api/v1/audit/lia`.
export const liaRoute: ScreenRoute = {
  path: '/lia',
  action: 'lia.manage',
  Page: lazy(() => import('./LiaPage').then((module) => ({ default: module.LiaPage }))),
};

// One version, read-only, for all staff (the gate dialog links here): `GET /api/v1/lia/:version`.
export const liaDocumentRoute: ScreenRoute = {
  path: '/lia/:version',
  action: 'lia.view',
  Page: lazy(() => import('./LiaDocumentPage').then((module) => ({ default: module.LiaDocumentPage }))),
};
