import { Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatAge, formatInstant } from '../common/format';

/** When: the exact date and time to the second, how long ago under it, UTC on hover. */
export const AtCell = ({ at }: { at: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return <Typography variant="body2">{at}</Typography>;
  return (
    <Stack spacing={0} title={date.toISOString()}>
      <Typography
        component="time"
        variant="body2"
        dateTime={date.toISOString()}
        sx={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {formatInstant(date, locale)}
      </Typography>
      <Typography component="span" variant="caption" color="text.secondary">
        {formatAge(date, new Date(), locale, translate('vigie.time.just_now'))}
      </Typography>
    </Stack>
  );
};
