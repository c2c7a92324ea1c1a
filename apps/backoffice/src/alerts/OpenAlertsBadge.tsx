import { Badge } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { useOpenAlertCount } from './useOpenAlertCount';

/** The menu icon of the alerts screen, with the number of open alerts on it. */
export const OpenAlertsBadge = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const count = useOpenAlertCount(true);
  return (
    <Badge
      badgeContent={count ?? 0}
      color="error"
      max={99}
      aria-label={count ? translate('vigie.alerts.badge', { smart_count: count }) : undefined}
      data-testid="alerts-badge"
      data-count={count ?? ''}
    >
      {children}
    </Badge>
  );
};
