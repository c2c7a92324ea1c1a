import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import LinkOutlined from '@mui/icons-material/LinkOutlined';
import {
  Alert,
  Button,
  DialogActions,
  IconButton,
  InputAdornment,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import type { PasswordLink } from '@vigie/contracts';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { ActionDialog } from '../components/ActionDialog';
import { formatDateTime } from '../i18n/relativeTime';
import { absoluteLink } from './staffApi';

interface PasswordLinkDialogProps {
  name: string;
  link: PasswordLink;
  onClose: () => void;
}

/**
 * The one-time link an admin hands over, shown once: the person sets their own password with it.
 * The admin could use it too, hence the reminder that someone else approves the roles.
 */
export const PasswordLinkDialog = ({ name, link, onClose }: PasswordLinkDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const url = absoluteLink(link);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify('vigie.staff.link.copied', { type: 'success' });
    } catch {
      notify('vigie.mfa.copy_failed', { type: 'warning' });
    }
  };
  return (
    <ActionDialog
      title={translate('vigie.staff.link.title', { name })}
      icon={<LinkOutlined sx={{ fontSize: 20 }} />}
      testId="password-link-dialog"
      onClose={onClose}
      footer={
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button variant="contained" onClick={onClose} data-testid="password-link-done">
            {translate('vigie.staff.link.close')}
          </Button>
        </DialogActions>
      }
    >
      <Typography variant="body2">{translate('vigie.staff.link.intro')}</Typography>
      <TextField
        label={translate('vigie.staff.link.label')}
        value={url}
        fullWidth
        onFocus={(event) => event.target.select()}
        helperText={translate('vigie.staff.link.expires', {
          date: formatDateTime(new Date(link.expiresAt), locale),
        })}
        slotProps={{
          htmlInput: {
            readOnly: true,
            'data-testid': 'password-link-url',
            style: { fontFamily: 'monospace', fontSize: '0.8125rem' },
          },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <Tooltip title={translate('vigie.staff.link.copy')}>
                  <IconButton
                    onClick={() => void copy()}
                    aria-label={translate('vigie.staff.link.copy')}
                    edge="end"
                  >
                    <ContentCopyOutlined fontSize="small" />
                  </IconButton>
                </Tooltip>
              </InputAdornment>
            ),
          },
        }}
      />
      <Alert severity="info">{translate('vigie.staff.link.pending_note')}</Alert>
    </ActionDialog>
  );
};
