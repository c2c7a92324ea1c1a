import { Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState } from 'react-admin';
import { formatDate, formatDateTime } from '../i18n/relativeTime';

/** A day ("1 déc. 2026"), the exact date and time on hover, and an optional line under it. */
export const DateCell = ({ value, detail }: { value: string; detail?: ReactNode }) => {
  const [locale] = useLocaleState();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <Typography variant="body2">{value}</Typography>;
  return (
    <Stack spacing={0} title={formatDateTime(date, locale)}>
      <Typography
        component="time"
        variant="body2"
        dateTime={date.toISOString()}
        sx={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {formatDate(date, locale)}
      </Typography>
      {detail && (
        <Typography component="span" variant="caption" color="text.secondary">
          {detail}
        </Typography>
      )}
    </Stack>
  );
};
