import InboxOutlined from '@mui/icons-material/InboxOutlined';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';
import type { ScreenRoute } from '../common/screenRoute';

// The queue and the case page show other domains' actions and cards: the app root composes
// them (app/CaseListPage.tsx, app/CaseShowPage.tsx) and passes them as this resource's `list` and `show`.
export type { QueueBulkSlot } from './CaseList';
export type { CasePageSlots } from './CaseShow';

/** The moderation cases (`queue.view`, checked by the authProvider's canAccess). */
export const casesResource = {
  name: 'cases',
  icon: InboxOutlined,
} satisfies ResourceProps;

/** The DPO's page of a case: its metadata only (`case.metadata`), reached from the register and the legal holds. */
export const caseMetadataRoute: ScreenRoute = {
  path: '/case-metadata/:id',
  action: 'case.metadata',
  Page: lazy(() => import('./CaseMetadataPage').then((module) => ({ default: module.CaseMetadataPage }))),
};
