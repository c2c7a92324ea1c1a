import { lazy } from 'react';
import type { ScreenRoute } from '../common/screenRoute';

// Leads' screen; it loads on demand. The case page's decision cards are wired in app/CaseShowPage.tsx.
export const approvalsRoute: ScreenRoute = {
  path: '/approvals',
  action: 'decision.approve',
  Page: lazy(() => import('./ApprovalsPage').then((module) => ({ default: module.ApprovalsPage }))),
};
