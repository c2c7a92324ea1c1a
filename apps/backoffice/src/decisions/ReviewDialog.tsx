import ThumbDownAltOutlined from '@mui/icons-material/ThumbDownAltOutlined';
import ThumbUpAltOutlined from '@mui/icons-material/ThumbUpAltOutlined';
import { TextField, Typography } from '@mui/material';
import type { Decision } from '@vigie/contracts';
import { type FormEvent, useState } from 'react';
import { useActionLabel } from './DecisionChips';
import { decisionsApi } from './decisionsApi';
import { refusalCodeOf } from '../providers/api';
import { refusalText } from '../common/refusals';
import { useDialogSubmit } from '../common/useDialogSubmit';
import type { CaseDialogProps } from './caseDialogProps';
import { ActionDialog } from '../components/ActionDialog';

const MAX_NOTE_LENGTH = 2000;

interface ReviewDialogProps extends CaseDialogProps {
  decision: Decision;
  approve: boolean;
}

/** A lead approves a proposed sanction (it takes effect) or rejects it, with an optional note. */
export const ReviewDialog = ({
  decision,
  approve,
  onClose,
  onDone,
  api = decisionsApi,
}: ReviewDialogProps) => {
  const { translate, notify, pending, send, close } = useDialogSubmit(onClose);
  const actionLabel = useActionLabel();
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setFailure(null);
    await send(
      async () => {
        await api.review(decision.caseId, decision.id, approve, note.trim() || undefined);
        notify(approve ? 'vigie.decisions.review.approved' : 'vigie.decisions.review.rejected', {
          type: 'success',
        });
        onDone();
      },
      (error) => {
        if (refusalCodeOf(error) === 'no_pending_decision') {
          // A colleague reviewed it first: say so and show the decision as it is now.
          notify('vigie.decisions.refusals.no_pending_decision', { type: 'info', autoHideDuration: 8000 });
          onDone();
          return;
        }
        setFailure(refusalText(error, translate));
      },
    );
  };

  return (
    <ActionDialog
      title={translate(
        approve ? 'vigie.decisions.review.approve_title' : 'vigie.decisions.review.reject_title',
      )}
      testId="review-dialog"
      data={{ 'data-approve': approve }}
      onClose={close}
      onSubmit={submit}
      spacing={2}
      failure={failure}
      submit={{
        cancelLabel: translate('vigie.decisions.review.cancel'),
        label: translate(
          approve ? 'vigie.decisions.review.approve_submit' : 'vigie.decisions.review.reject_submit',
        ),
        icon: approve ? <ThumbUpAltOutlined /> : <ThumbDownAltOutlined />,
        color: approve ? 'success' : 'error',
        pending,
        testId: 'review-submit',
      }}
    >
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate('vigie.decisions.review.summary', {
          action: actionLabel(decision.action, decision.durationDays),
          name: decision.decidedBy.name,
        })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(approve ? 'vigie.decisions.review.approve_intro' : 'vigie.decisions.review.reject_intro')}
      </Typography>
      <TextField
        name="note"
        label={translate(
          approve ? 'vigie.decisions.review.note_label' : 'vigie.decisions.review.note_label_reject',
        )}
        helperText={translate('vigie.decisions.review.note_help')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        multiline
        minRows={2}
        maxRows={6}
        fullWidth
        autoFocus={!approve}
        disabled={pending}
        slotProps={{ htmlInput: { maxLength: MAX_NOTE_LENGTH, 'data-testid': 'review-note' } }}
      />
    </ActionDialog>
  );
};
