import type { ComponentProps } from 'react';
import { ActionDialog } from '../components/ActionDialog';
import { DialogProblem, type Problem } from './DialogProblem';

type StatementDialogProps = Omit<
  ComponentProps<typeof ActionDialog>,
  'maxWidth' | 'scroll' | 'spacing' | 'headingSpace' | 'beforeFooter'
> & {
  problem: Problem | null;
  onProblemChange: (problem: Problem | null) => void;
};

/** The wide dialog of a decision or an appeal outcome: a statement of reasons, and its problems above the footer. */
export const StatementDialog = ({ problem, onProblemChange, ...props }: StatementDialogProps) => (
  <ActionDialog
    {...props}
    maxWidth="md"
    scroll="paper"
    spacing={3}
    headingSpace={1.5}
    beforeFooter={<DialogProblem problem={problem} onChange={onProblemChange} />}
  />
);
