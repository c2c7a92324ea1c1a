import GavelOutlined from '@mui/icons-material/GavelOutlined';
import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import { Typography } from '@mui/material';
import type { LegalHoldChange as HoldAnswer } from '@vigie/contracts';
import { type FormEvent, useState } from 'react';
import { HttpError } from 'react-admin';
import { useDialogSubmit } from '../common/useDialogSubmit';
import { ActionDialog } from '../components/ActionDialog';
import { ReasonField } from '../components/ReasonField';
import { errorMessageKey } from '../common/errorMessageKey';
import { MONOSPACE, shortId } from '../common/format';
import {
  MAX_HOLD_REASON_LENGTH,
  MIN_HOLD_REASON_LENGTH,
  type RetentionApi,
  retentionApi,
} from './retentionApi';
import { refusalCodeOf } from '../providers/api';

export type LegalHoldChange = 'place' | 'lift';

interface LegalHoldDialogProps {
  change: LegalHoldChange;
  caseId: string;
  onClose: () => void;
  /** The change is done, or someone else already made it: the caller shows the case as it is now. */
  onDone: (answer: HoldAnswer | null) => void;
  api?: RetentionApi;
}

/** Placing or lifting a legal hold, always with a reason: it goes to the case's history. */
export const LegalHoldDialog = ({
  change,
  caseId,
  onClose,
  onDone,
  api = retentionApi,
}: LegalHoldDialogProps) => {
  const { translate, notify, pending, send, close } = useDialogSubmit(onClose);
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [refusedAsShort, setRefusedAsShort] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  // The API counts the trimmed reason: so does the dialog, before sending.
  const tooShort = reason.trim().length < MIN_HOLD_REASON_LENGTH;
  const showError = (attempted && tooShort) || refusedAsShort;
  const placing = change === 'place';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setRefusedAsShort(false);
    if (tooShort || pending) return;
    setFailure(null);
    await send(
      async () => {
        const trimmed = reason.trim();
        const updated = placing ? await api.placeHold(caseId, trimmed) : await api.liftHold(caseId, trimmed);
        notify(placing ? 'vigie.retention.hold.placed' : 'vigie.retention.hold.lifted', { type: 'success' });
        onDone(updated);
      },
      (error) => {
        const code = refusalCodeOf(error);
        if (code === 'legal_hold_exists' || code === 'no_legal_hold') {
          // Someone else got there first: the case already is as asked.
          notify(
            code === 'legal_hold_exists' ? 'vigie.retention.hold.exists' : 'vigie.retention.hold.no_hold',
            {
              type: 'info',
              autoHideDuration: 8000,
            },
          );
          onDone(null);
          return;
        }
        if (error instanceof HttpError && error.status === 400) {
          setRefusedAsShort(true);
          return;
        }
        const key = errorMessageKey(error);
        setFailure(translate('vigie.retention.hold.failed', { message: translate(key, { _: key }) }));
      },
    );
  };

  return (
    <ActionDialog
      title={translate(placing ? 'vigie.retention.hold.place_title' : 'vigie.retention.hold.lift_title')}
      icon={placing ? <GavelOutlined sx={{ fontSize: 20 }} /> : <LockOpenOutlined sx={{ fontSize: 20 }} />}
      subtitle={
        <Typography
          variant="body2"
          color="text.secondary"
          title={caseId}
          data-testid="legal-hold-case"
          sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem' }}
        >
          {translate('vigie.retention.hold.case', { case: shortId(caseId) })}
        </Typography>
      }
      testId="legal-hold-dialog"
      data={{ 'data-change': change }}
      onClose={close}
      onSubmit={submit}
      failure={failure}
      submit={{
        cancelLabel: translate('vigie.retention.hold.cancel'),
        label: translate(placing ? 'vigie.retention.hold.submit_place' : 'vigie.retention.hold.submit_lift'),
        icon: placing ? <GavelOutlined /> : <LockOpenOutlined />,
        pending,
        testId: 'legal-hold-submit',
      }}
    >
      <Typography variant="body2" color="text.secondary">
        {translate(placing ? 'vigie.retention.hold.place_intro' : 'vigie.retention.hold.lift_intro')}
      </Typography>
      <ReasonField
        label={translate('vigie.retention.hold.reason_label')}
        placeholder={translate(
          placing
            ? 'vigie.retention.hold.reason_placeholder_place'
            : 'vigie.retention.hold.reason_placeholder_lift',
        )}
        value={reason}
        onChange={setReason}
        minRows={3}
        maxLength={MAX_HOLD_REASON_LENGTH}
        required
        disabled={pending}
        error={showError}
        helperText={translate(
          showError ? 'vigie.retention.hold.too_short' : 'vigie.retention.hold.reason_help',
          {
            min: MIN_HOLD_REASON_LENGTH,
          },
        )}
        testId="legal-hold-reason"
      />
    </ActionDialog>
  );
};
