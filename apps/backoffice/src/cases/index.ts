import InboxOutlined from '@mui/icons-material/InboxOutlined';
import type { ResourceProps } from 'react-admin';

// The queue and the case page show other domains' actions and cards: the app root composes
// them (app/CaseListPage.tsx, app/CaseShowPage.tsx) and passes them as this resource's `list` and `show`.
export type { QueueBulkSlot } from './CaseList';
export type { CasePageSlots } from './CaseShow';

/** The moderation cases (`queue.view`, checked by the authProvider's canAccess). */
export const casesResource = {
  name: 'cases',
  icon: InboxOutlined,
} satisfies ResourceProps;
