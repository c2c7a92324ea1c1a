import { lazy } from 'react';
import type { ScreenRoute } from '../common/screenRoute';

// The legal hold button of the case page is wired in app/CaseShowPage.tsx.
export const retentionRoute: ScreenRoute = {
  path: '/retention',
  action: 'retention.view',
  Page: lazy(() => import('./RetentionPage').then((module) => ({ default: module.RetentionPage }))),
};
