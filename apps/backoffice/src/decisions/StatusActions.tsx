import RestartAltOutlined from '@mui/icons-material/RestartAltOutlined';
import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import { Button, Typography } from '@mui/material';
import type { CaseDetail, CaseListItem, CaseTransition } from '@vigie/contracts';
import { type FormEvent, useState } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import { type DecisionsApi, decisionsApi } from './decisionsApi';
import { refusalCodeOf } from '../providers/api';
import { refusalText } from '../common/refusals';
import { useDialogSubmit } from '../common/useDialogSubmit';
import { ActionDialog } from '../components/ActionDialog';
import { ReasonField } from '../components/ReasonField';

/** What `transitionRequestSchema` and the API ask of a reason to reopen, after trimming. */
export const MIN_REOPEN_REASON_LENGTH = 10;
const MAX_REASON_LENGTH = 2000;

interface TransitionDialogProps {
  record: CaseListItem | CaseDetail;
  transition: CaseTransition;
  onClose: () => void;
  api: DecisionsApi;
}

/** Closing (an optional comment) or reopening (a reason, required) a case. */
const TransitionDialog = ({ record, transition, onClose, api }: TransitionDialogProps) => {
  const { translate, notify, pending, send, close } = useDialogSubmit(onClose);
  const refresh = useRefresh();
  const reopening = transition === 'reopen';
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const tooShort = reopening && reason.trim().length < MIN_REOPEN_REASON_LENGTH;
  const showError = attempted && tooShort;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (tooShort || pending) return;
    setFailure(null);
    await send(
      async () => {
        await api.transition(record.id, transition, record.version, reason.trim() || undefined);
        notify(reopening ? 'vigie.decisions.status.reopened' : 'vigie.decisions.status.closed', {
          type: 'success',
        });
        onClose();
        refresh();
      },
      (error) => {
        setFailure(refusalText(error, translate));
        // The case moved on: show it as it is now behind the dialog.
        if (refusalCodeOf(error) === 'stale_version' || refusalCodeOf(error) === 'transition_not_allowed')
          refresh();
      },
    );
  };

  return (
    <ActionDialog
      title={translate(
        reopening ? 'vigie.decisions.status.reopen_title' : 'vigie.decisions.status.close_title',
      )}
      testId={reopening ? 'reopen-dialog' : 'close-dialog'}
      onClose={close}
      onSubmit={submit}
      failure={failure}
      submit={{
        cancelLabel: translate('vigie.decisions.status.cancel'),
        label: translate(
          reopening ? 'vigie.decisions.status.reopen_submit' : 'vigie.decisions.status.close_submit',
        ),
        icon: reopening ? <RestartAltOutlined /> : <TaskAltOutlined />,
        pending,
        testId: 'transition-submit',
      }}
    >
      <Typography variant="body2" color="text.secondary">
        {translate(reopening ? 'vigie.decisions.status.reopen_intro' : 'vigie.decisions.status.close_intro')}
      </Typography>
      <ReasonField
        label={translate(
          reopening ? 'vigie.decisions.status.reason_label' : 'vigie.decisions.status.close_reason_label',
        )}
        placeholder={reopening ? translate('vigie.decisions.status.reason_placeholder') : undefined}
        value={reason}
        onChange={setReason}
        minRows={reopening ? 3 : 2}
        maxLength={MAX_REASON_LENGTH}
        required={reopening}
        disabled={pending}
        error={showError}
        helperText={
          reopening
            ? translate(
                showError ? 'vigie.decisions.status.reason_short' : 'vigie.decisions.status.reason_help',
              )
            : undefined
        }
        testId="transition-reason"
      />
    </ActionDialog>
  );
};

interface TransitionButtonProps {
  record: CaseListItem | CaseDetail;
  api?: DecisionsApi;
}

const TRANSITION_BUTTONS = {
  close: {
    variant: 'contained',
    Icon: TaskAltOutlined,
    label: 'vigie.decisions.status.close',
    testId: 'close-case',
  },
  reopen: {
    variant: 'outlined',
    Icon: RestartAltOutlined,
    label: 'vigie.decisions.status.reopen',
    testId: 'reopen-case',
  },
} as const;

const TransitionButton = ({
  record,
  api = decisionsApi,
  transition,
}: TransitionButtonProps & { transition: CaseTransition }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { variant, Icon, label, testId } = TRANSITION_BUTTONS[transition];
  return (
    <>
      <Button variant={variant} startIcon={<Icon />} onClick={() => setOpen(true)} data-testid={testId}>
        {translate(label)}
      </Button>
      {open && (
        <TransitionDialog record={record} transition={transition} onClose={() => setOpen(false)} api={api} />
      )}
    </>
  );
};

/** "Clore le dossier": shown by the caller to the assignee or a lead, once the case is decided. */
export const CloseCaseButton = (props: TransitionButtonProps) => (
  <TransitionButton {...props} transition="close" />
);

/** "Rouvrir": shown by the caller to leads, on a decided or closed case. */
export const ReopenCaseButton = (props: TransitionButtonProps) => (
  <TransitionButton {...props} transition="reopen" />
);
