import BlockOutlined from '@mui/icons-material/BlockOutlined';
import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import { Chip } from '@mui/material';
import { alpha, useTheme } from '@mui/material/styles';
import type { AccessLogEntry } from '@vigie/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCount } from '../common/format';

type OutcomeChipProps = Pick<AccessLogEntry, 'outcome' | 'reason' | 'scope'>;

/** What the gate answered, or what was read: a refusal names its reason in words. */
export const OutcomeChip = ({ outcome, reason, scope }: OutcomeChipProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { palette } = useTheme();

  const label = (() => {
    if (outcome === 'granted') return translate('vigie.register.outcomes.granted');
    if (outcome === 'denied') {
      // An unknown code (a newer API) is shown as is rather than hidden. A revoked grant's
      // reason carries its cause: `grant_revoked:<cause>`.
      const [code, cause] = reason?.split(':') ?? [];
      return reason
        ? translate('vigie.register.outcomes.denied_reason', {
            reason: translate(`vigie.register.reasons.${code}`, {
              _: reason,
              cause: cause ? translate(`vigie.register.revocation_causes.${cause}`, { _: cause }) : '',
            }),
          })
        : translate('vigie.register.outcomes.denied');
    }
    return scope
      ? translate('vigie.register.outcomes.read', {
          smart_count: scope.messageCount,
          count: formatCount(scope.messageCount, locale),
        })
      : translate('vigie.register.outcomes.read_filter');
  })();

  const colour =
    outcome === 'granted'
      ? palette.success.main
      : outcome === 'denied'
        ? palette.error.main
        : palette.primary.main;
  const Icon =
    outcome === 'granted' ? LockOpenOutlined : outcome === 'denied' ? BlockOutlined : VisibilityOutlined;

  return (
    <Chip
      size="small"
      label={label}
      icon={<Icon />}
      data-outcome={outcome}
      sx={{
        color: colour,
        bgcolor: alpha(colour, 0.08),
        border: `1px solid ${alpha(colour, 0.3)}`,
        maxWidth: 230,
        // A long refusal reason wraps inside its chip rather than being cut.
        height: 'auto',
        minHeight: 24,
        '& .MuiChip-label': { whiteSpace: 'normal', py: '2px', lineHeight: 1.35 },
        '& .MuiChip-icon': { color: colour, fontSize: 16, ml: '6px' },
      }}
    />
  );
};
