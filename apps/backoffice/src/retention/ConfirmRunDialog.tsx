import DeleteForeverOutlined from '@mui/icons-material/DeleteForeverOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import { Alert, Box, Button, DialogActions, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../i18n/relativeTime';
import { formatCount } from '../common/format';
import { retentionApi } from './retentionApi';
import { useApiData } from '../common/useApiData';
import { ActionDialog } from '../components/ActionDialog';

const ITEMS = ['item_messages', 'item_comments', 'item_notes', 'item_users', 'item_register'] as const;

// What is due right now: exactly what a run started now would take.
const loadDueNow = () => retentionApi.preview(new Date());

interface ConfirmRunDialogProps {
  /** The policy's cutoff for a run started now, until the count says it again. */
  cutoff: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/** The last word before erasing: what goes, how much of it today, and that it cannot be undone. */
export const ConfirmRunDialog = ({ cutoff, onCancel, onConfirm }: ConfirmRunDialogProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: due, error } = useApiData(loadDueNow);
  const message = (key: string, options?: Record<string, unknown>) =>
    translate(`vigie.retention.run.confirm.${key}`, options);
  const counted = (value: number, noun: string) =>
    `${formatCount(value, locale)} ${translate(`vigie.retention.preview.${noun}`, { smart_count: value })}`;
  const cutoffDate = due?.cutoff ?? cutoff;

  return (
    <ActionDialog
      title={message('title')}
      icon={<DeleteForeverOutlined sx={{ fontSize: 20 }} />}
      tone="error"
      testId="confirm-run-dialog"
      onClose={onCancel}
      spacing={1.5}
      footer={
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button color="inherit" onClick={onCancel} autoFocus>
            {message('cancel')}
          </Button>
          <Button
            variant="contained"
            color="error"
            startIcon={<DeleteForeverOutlined />}
            onClick={onConfirm}
            data-testid="confirm-run-submit"
          >
            {message('submit')}
          </Button>
        </DialogActions>
      }
    >
      <Typography variant="body2">
        {cutoffDate
          ? message('cutoff', { date: formatDateTime(new Date(cutoffDate), locale) })
          : message('cutoff_unknown')}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3, '& li': { mb: 0.25 } }}>
        {ITEMS.map((item) => (
          <Typography key={item} component="li" variant="body2">
            {message(item)}
          </Typography>
        ))}
      </Box>
      <Typography variant="body2">{message('kept')}</Typography>
      {/* A failed count is not a reason to block the run: the sentence above says what goes. */}
      {!due && error === null && (
        <Typography variant="body2" color="text.secondary">
          {message('counting')}
        </Typography>
      )}
      {due && (
        <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="confirm-run-count">
          {due.totals.cases === 0
            ? message('count_none')
            : message('count', {
                cases: counted(due.totals.cases, 'cases'),
                messages: counted(due.totals.messages, 'messages'),
                reports: counted(due.totals.reports, 'reports'),
              })}
        </Typography>
      )}
      <Alert severity="error" icon={<WarningAmberOutlined fontSize="inherit" />}>
        {message('irreversible')}
      </Alert>
    </ActionDialog>
  );
};
