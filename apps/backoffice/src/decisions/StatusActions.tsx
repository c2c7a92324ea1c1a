import RestartAltOutlined from '@mui/icons-material/RestartAltOutlined';
import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { CaseDetail, CaseListItem, CaseTransition } from '@vigie/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useLogoutIfAccessDenied, useNotify, useRefresh, useTranslate } from 'react-admin';
import { type DecisionsApi, decisionsApi } from './decisionsApi';
import { refusalCodeOf } from '../common/api';
import { refusalText } from '../common/refusals';
import { FormDialogActions } from '../components/FormDialogActions';

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
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const titleId = useId();
  const reopening = transition === 'reopen';
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const tooShort = reopening && reason.trim().length < MIN_REOPEN_REASON_LENGTH;
  const showError = attempted && tooShort;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (tooShort || pending) return;
    setPending(true);
    setFailure(null);
    try {
      await api.transition(record.id, transition, record.version, reason.trim() || undefined);
      notify(reopening ? 'vigie.decisions.status.reopened' : 'vigie.decisions.status.closed', {
        type: 'success',
      });
      onClose();
      refresh();
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return;
      setFailure(refusalText(error, translate));
      // The case moved on: show it as it is now behind the dialog.
      if (refusalCodeOf(error) === 'stale_version' || refusalCodeOf(error) === 'transition_not_allowed')
        refresh();
    } finally {
      setPending(false);
    }
  };

  const close = () => {
    if (!pending) onClose();
  };

  return (
    <Dialog
      open
      onClose={close}
      maxWidth="sm"
      fullWidth
      aria-labelledby={titleId}
      data-testid={reopening ? 'reopen-dialog' : 'close-dialog'}
    >
      <DialogTitle id={titleId}>
        {translate(reopening ? 'vigie.decisions.status.reopen_title' : 'vigie.decisions.status.close_title')}
      </DialogTitle>
      <Box component="form" onSubmit={submit} noValidate sx={{ display: 'contents' }}>
        <DialogContent dividers>
          <Stack spacing={2.5}>
            <Typography variant="body2" color="text.secondary">
              {translate(
                reopening ? 'vigie.decisions.status.reopen_intro' : 'vigie.decisions.status.close_intro',
              )}
            </Typography>
            <TextField
              name="reason"
              label={translate(
                reopening
                  ? 'vigie.decisions.status.reason_label'
                  : 'vigie.decisions.status.close_reason_label',
              )}
              placeholder={reopening ? translate('vigie.decisions.status.reason_placeholder') : undefined}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              multiline
              minRows={reopening ? 3 : 2}
              maxRows={8}
              required={reopening}
              autoFocus
              disabled={pending}
              error={showError}
              helperText={
                reopening
                  ? translate(
                      showError
                        ? 'vigie.decisions.status.reason_short'
                        : 'vigie.decisions.status.reason_help',
                    )
                  : undefined
              }
              slotProps={{ htmlInput: { maxLength: MAX_REASON_LENGTH, 'data-testid': 'transition-reason' } }}
            />
            {failure && (
              <Alert severity="error" role="alert">
                {failure}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <FormDialogActions
          cancelLabel={translate('vigie.decisions.status.cancel')}
          submitLabel={translate(
            reopening ? 'vigie.decisions.status.reopen_submit' : 'vigie.decisions.status.close_submit',
          )}
          icon={reopening ? <RestartAltOutlined /> : <TaskAltOutlined />}
          pending={pending}
          onCancel={close}
          submitTestId="transition-submit"
        />
      </Box>
    </Dialog>
  );
};

interface TransitionButtonProps {
  record: CaseListItem | CaseDetail;
  api?: DecisionsApi;
}

/** "Clore le dossier": shown by the caller to the assignee or a lead, once the case is decided. */
export const CloseCaseButton = ({ record, api = decisionsApi }: TransitionButtonProps) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="contained"
        startIcon={<TaskAltOutlined />}
        onClick={() => setOpen(true)}
        data-testid="close-case"
      >
        {translate('vigie.decisions.status.close')}
      </Button>
      {open && (
        <TransitionDialog record={record} transition="close" onClose={() => setOpen(false)} api={api} />
      )}
    </>
  );
};

/** "Rouvrir": shown by the caller to leads, on a decided or closed case. */
export const ReopenCaseButton = ({ record, api = decisionsApi }: TransitionButtonProps) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<RestartAltOutlined />}
        onClick={() => setOpen(true)}
        data-testid="reopen-case"
      >
        {translate('vigie.decisions.status.reopen')}
      </Button>
      {open && (
        <TransitionDialog record={record} transition="reopen" onClose={() => setOpen(false)} api={api} />
      )}
    </>
  );
};
