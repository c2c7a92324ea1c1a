import type { Identifier } from 'react-admin';
import { CaseList } from '../cases/CaseList';
import { type CasePageSlots, CaseShow } from '../cases/CaseShow';
import { AppealBanner } from '../decisions/AppealBanner';
import { QueueBulkActions } from '../decisions/BulkActions';
import { MAX_BULK_CASES } from '../decisions/bulkLimits';
import { DecisionActions, DecisionsPanel, NotesPanel, UserHistoryPanel } from '../decisions/casePanels';
import { ConversationGateButton } from '../gate/ConversationGateButton';
import { LegalHoldButton } from '../retention/LegalHoldButton';

// The queue and the case page belong to cases, yet show what decisions, the gate and retention
// own. Composing them here keeps every domain free of its siblings; this module loads on demand.

const caseSlots: CasePageSlots = {
  DecisionActions,
  HoldAction: LegalHoldButton,
  ConversationAction: ConversationGateButton,
  Banner: AppealBanner,
  BeforeReports: DecisionsPanel,
  AfterReports: NotesPanel,
  BeforeTimeline: UserHistoryPanel,
};

const queueBulk = { actions: <QueueBulkActions />, limit: MAX_BULK_CASES };

/** The queue, with the bulk actions. */
export const CaseListPage = () => <CaseList bulk={queueBulk} />;

/** The case page with every domain's cards and buttons. */
export const CaseShowPage = ({ id }: { id?: Identifier }) => <CaseShow id={id} slots={caseSlots} />;
