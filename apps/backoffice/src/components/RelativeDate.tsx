import { Tooltip, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime, formatRelativeTime } from '../i18n/relativeTime';

interface RelativeDateProps {
  /** An ISO 8601 date from the API, or null. */
  value: string | null;
  /** What to say when there is no date. */
  emptyText: string;
}

/** A date as people say it ("Il y a 5 minutes"), the exact date and time on hover. */
export const RelativeDate = ({ value, emptyText }: RelativeDateProps) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const date = value ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {emptyText}
      </Typography>
    );
  }
  return (
    <Tooltip title={formatDateTime(date, locale)} placement="top-start">
      <Typography component="time" variant="body2" dateTime={date.toISOString()}>
        {formatRelativeTime(date, new Date(), locale, translate('vigie.time.just_now'))}
      </Typography>
    </Tooltip>
  );
};
