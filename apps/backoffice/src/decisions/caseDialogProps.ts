import type { DecisionsApi } from './decisionsApi';

/** What the decision, appeal and review dialogs share. */
export interface CaseDialogProps {
  onClose: () => void;
  /** Done, or already done by someone else: the caller shows the case as it is now. */
  onDone: () => void;
  /** A fake in specs. */
  api?: DecisionsApi;
}
