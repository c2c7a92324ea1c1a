import { lazy } from 'react';
import type { ScreenRoute } from '../common/screenRoute';

export { OpenAlertsBadge } from './OpenAlertsBadge';

export const alertsRoute: ScreenRoute = {
  path: '/alerts',
  action: 'alerts.view',
  Page: lazy(() => import('./AlertsPage').then((module) => ({ default: module.AlertsPage }))),
};

/** One member of staff's use of the gate, with charts: the chart library loads with this screen only. */
export const staffActivityRoute: ScreenRoute = {
  path: '/alerts/staff/:id',
  action: 'alerts.view',
  Page: lazy(() => import('./StaffActivityPage').then((module) => ({ default: module.StaffActivityPage }))),
};

/** The DPO's dashboard card, loaded with the dashboard. */
export const OpenAlertsCard = lazy(() => import('./OpenAlertsCard').then((module) => ({ default: module.OpenAlertsCard })));
