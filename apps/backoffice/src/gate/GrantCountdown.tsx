import TimerOutlined from '@mui/icons-material/TimerOutlined';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { COUNTDOWN_WARNING_MS, formatCountdown } from './gateRules';

/** What is left of the grant, mm:ss; it warns in its last two minutes. */
export const GrantCountdown = ({ remaining }: { remaining: number }) => {
  const translate = useTranslate();
  const time = formatCountdown(remaining);
  const warning = remaining < COUNTDOWN_WARNING_MS;
  return (
    <Chip
      role="timer"
      aria-label={translate('vigie.gate.viewer.remaining', { time })}
      title={translate('vigie.gate.viewer.remaining', { time })}
      icon={<TimerOutlined />}
      label={time}
      color={warning ? 'warning' : 'default'}
      variant={warning ? 'filled' : 'outlined'}
      data-testid="gate-countdown"
      data-warning={warning}
      sx={{
        fontVariantNumeric: 'tabular-nums',
        fontSize: '0.9375rem',
        height: 32,
        px: 0.5,
        ...(warning ? {} : { borderColor: 'divider' }),
      }}
    />
  );
};
