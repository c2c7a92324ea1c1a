import { lazy } from 'react';
import type { ScreenRoute } from '../common/screenRoute';

export const deliveriesRoute: ScreenRoute = {
  path: '/deliveries',
  action: 'deliveries.view',
  Page: lazy(() => import('./DeliveriesPage').then((module) => ({ default: module.DeliveriesPage }))),
};
