import type { AlertStatus } from '@vigie/contracts';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

const COLOURS: Record<AlertStatus, 'error' | 'success' | 'default'> = {
  open: 'error',
  acknowledged: 'success',
  dismissed: 'default',
};

/** Open in red until the DPO acknowledged or dismissed it. */
export const AlertStatusChip = ({ status }: { status: AlertStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={status === 'open' ? 'filled' : 'outlined'}
      color={COLOURS[status]}
      label={translate(`vigie.alerts.statuses.${status}`)}
      data-status={status}
    />
  );
};
