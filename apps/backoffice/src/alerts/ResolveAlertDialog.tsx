import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import { FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import type { AlertResolution, StaffAlert } from '@vigie/contracts';
import { type FormEvent, useState } from 'react';
import { errorMessageKey } from '../common/errorMessageKey';
import { useDialogSubmit } from '../common/useDialogSubmit';
import { ActionDialog } from '../components/ActionDialog';
import { ReasonField } from '../components/ReasonField';
import { refusalCodeOf } from '../providers/api';
import { type AlertsApi, alertsApi, MAX_NOTE_LENGTH, MIN_NOTE_LENGTH } from './alertsApi';

interface ResolveAlertDialogProps {
  alert: StaffAlert;
  onClose: () => void;
  /** Resolved, here or by someone else meanwhile: the list shows it as it is now. */
  onDone: () => void;
  api?: AlertsApi;
}

/** Acknowledging or dismissing an alert, always with a note: it stays with the alert, and the act goes to the staff journal. */
export const ResolveAlertDialog = ({ alert, onClose, onDone, api = alertsApi }: ResolveAlertDialogProps) => {
  const { translate, notify, pending, send, close } = useDialogSubmit(onClose);
  const [status, setStatus] = useState<AlertResolution>('acknowledged');
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const tooShort = note.trim().length < MIN_NOTE_LENGTH;
  const showError = attempted && tooShort;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (tooShort || pending) return;
    setFailure(null);
    await send(
      async () => {
        await api.resolve(alert.id, status, note.trim());
        notify('vigie.alerts.resolve.done', { type: 'success' });
        onDone();
      },
      (error) => {
        if (refusalCodeOf(error) === 'alert_resolved') {
          notify('vigie.alerts.resolve.already', { type: 'info', autoHideDuration: 8000 });
          onDone();
          return;
        }
        if (refusalCodeOf(error) === 'own_alert') {
          setFailure(translate('vigie.alerts.resolve.own'));
          return;
        }
        const key = errorMessageKey(error);
        setFailure(translate('vigie.alerts.resolve.failed', { message: translate(key, { _: key }) }));
      },
    );
  };

  return (
    <ActionDialog
      title={translate('vigie.alerts.resolve.title')}
      icon={<TaskAltOutlined sx={{ fontSize: 20 }} />}
      subtitle={
        <Typography variant="body2" color="text.secondary" data-testid="resolve-alert-subject">
          {translate(`vigie.alerts.rules.${alert.rule}`)} — {alert.staffName ?? alert.staffId}
        </Typography>
      }
      testId="resolve-alert-dialog"
      onClose={close}
      onSubmit={submit}
      failure={failure}
      submit={{
        cancelLabel: translate('vigie.alerts.resolve.cancel'),
        label: translate('vigie.alerts.resolve.submit'),
        icon: <TaskAltOutlined />,
        pending,
        testId: 'resolve-alert-submit',
      }}
    >
      <Typography variant="body2" color="text.secondary">
        {translate('vigie.alerts.resolve.intro')}
      </Typography>
      <RadioGroup
        row
        name="status"
        value={status}
        onChange={(event) => setStatus(event.target.value as AlertResolution)}
        aria-label={translate('vigie.alerts.resolve.status_label')}
      >
        {(['acknowledged', 'dismissed'] as const).map((value) => (
          <FormControlLabel
            key={value}
            value={value}
            control={<Radio size="small" disabled={pending} />}
            label={translate(`vigie.alerts.resolve.${value}`)}
            data-testid={`resolve-alert-${value}`}
          />
        ))}
      </RadioGroup>
      <ReasonField
        label={translate('vigie.alerts.resolve.note_label')}
        placeholder={translate('vigie.alerts.resolve.note_placeholder')}
        value={note}
        onChange={setNote}
        minRows={3}
        maxLength={MAX_NOTE_LENGTH}
        required
        disabled={pending}
        error={showError}
        helperText={translate(showError ? 'vigie.alerts.resolve.note_too_short' : 'vigie.alerts.resolve.note_help', { min: MIN_NOTE_LENGTH })}
        testId="resolve-alert-note"
      />
    </ActionDialog>
  );
};
