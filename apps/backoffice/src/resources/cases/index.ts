import InboxOutlined from '@mui/icons-material/InboxOutlined';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

// The queue is the moderators' daily screen, yet no one else opens it: it loads on demand.
const CaseList = lazy(() => import('./CaseList').then((module) => ({ default: module.CaseList })));
const CaseShow = lazy(() => import('./CaseShow').then((module) => ({ default: module.CaseShow })));

/** The moderation cases (`queue.view`, checked by the authProvider's canAccess). */
export const casesResource = {
  name: 'cases',
  list: CaseList,
  show: CaseShow,
  icon: InboxOutlined,
} satisfies ResourceProps;
