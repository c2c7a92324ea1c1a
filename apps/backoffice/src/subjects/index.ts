import { lazy } from 'react';
import type { ScreenRoute } from '../common/screenRoute';

// A person's access report (GDPR Art. 15): the API's routes are under `/api/v1/audit/subjects`.
export const subjectsRoute: ScreenRoute = {
  path: '/subjects',
  action: 'subject.report',
  Page: lazy(() => import('./SubjectsPage').then((module) => ({ default: module.SubjectsPage }))),
};
