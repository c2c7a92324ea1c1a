import type { Identifier } from 'react-admin';
import { type CasePageSlots, CaseShow } from '../cases/CaseShow';
import { AppealBanner } from '../decisions/AppealBanner';
import { DecisionActions, DecisionsPanel, NotesPanel, UserHistoryPanel } from '../decisions/casePanels';
import { ConversationGateButton } from '../gate/ConversationGateButton';
import { LegalHoldButton } from '../retention/LegalHoldButton';

// The case page belongs to cases, yet shows what decisions, the gate and retention own.
// Composing it here keeps every domain free of its siblings; this module loads on demand.

const caseSlots: CasePageSlots = {
  DecisionActions,
  HoldAction: LegalHoldButton,
  ConversationAction: ConversationGateButton,
  Banner: AppealBanner,
  BeforeReports: DecisionsPanel,
  AfterReports: NotesPanel,
  BeforeTimeline: UserHistoryPanel,
};

/** The case page with every domain's cards and buttons. */
export const CaseShowPage = ({ id }: { id?: Identifier }) => <CaseShow id={id} slots={caseSlots} />;
