import { Chip } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useTranslate } from 'react-admin';

/** "Actif" in a calm green, "Désactivé" in grey: a disabled account is history, not an alarm. */
export const StatusChip = ({ disabled }: { disabled: boolean }) => {
  const translate = useTranslate();
  return disabled ? (
    <Chip size="small" label={translate('vigie.staff.status_disabled')} data-status="disabled" />
  ) : (
    <Chip
      size="small"
      label={translate('vigie.staff.status_active')}
      data-status="active"
      sx={(theme) => ({
        color: theme.palette.success.main,
        bgcolor: alpha(theme.palette.success.main, 0.08),
        border: `1px solid ${alpha(theme.palette.success.main, 0.3)}`,
      })}
    />
  );
};
