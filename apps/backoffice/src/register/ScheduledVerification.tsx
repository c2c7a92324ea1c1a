import EventRepeatOutlined from '@mui/icons-material/EventRepeatOutlined';
import { Stack, Typography } from '@mui/material';
import { useCallback } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatInstant } from '../common/format';
import { useApiData } from '../common/useApiData';
import { type RegisterApi, registerApi } from './registerApi';

/** One line under the integrity card's title: the register's own schedule and what its last run found. Nothing when it cannot be read. */
export const ScheduledVerification = ({ api = registerApi }: { api?: RegisterApi }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const load = useCallback(() => api.verifySchedule(), [api]);
  const { data } = useApiData(load);
  if (!data) return null;
  const { scheduleHours: hours, last } = data;
  const date = last ? formatInstant(new Date(last.at), locale) : '';
  const text =
    hours <= 0 && !last
      ? translate('vigie.register.schedule.off')
      : !last
        ? translate('vigie.register.schedule.never', { hours })
        : last.intact
          ? translate('vigie.register.schedule.intact', { date, count: last.entriesChecked.toLocaleString(locale), hours })
          : translate('vigie.register.schedule.broken', { date, sequence: last.firstBrokenSequence });
  const broken = last !== null && !last.intact;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1.5 }} data-testid="scheduled-verification" data-intact={last ? String(last.intact) : undefined}>
      <EventRepeatOutlined sx={{ fontSize: 18, color: broken ? 'error.main' : 'text.secondary' }} />
      <Typography variant="body2" color={broken ? 'error' : 'text.secondary'}>
        {text}
      </Typography>
    </Stack>
  );
};
