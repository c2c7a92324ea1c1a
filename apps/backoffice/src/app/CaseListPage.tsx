import { CaseList } from '../cases/CaseList';
import { QueueBulkActions } from '../decisions/BulkActions';
import { MAX_BULK_CASES } from '../decisions/bulkLimits';

// The queue belongs to cases; its bulk actions to decisions. Apart from the case page's module
// so that opening the queue loads only the queue.
const queueBulk = { actions: <QueueBulkActions />, limit: MAX_BULK_CASES };

/** The queue, with the bulk actions. */
export const CaseListPage = () => <CaseList bulk={queueBulk} />;
