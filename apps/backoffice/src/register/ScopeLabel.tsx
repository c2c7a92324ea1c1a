import { Stack, Tooltip, Typography } from '@mui/material';
import type { AccessLogEntry } from '@vigie/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCount } from '../common/format';

/** How much of the conversation a grant opens; the whole conversation stands out. */
export const ScopeLabel = ({ scope, compact = false }: { scope: AccessLogEntry['scope']; compact?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!scope) {
    if (compact) return null;
    return (
      <Typography component="span" variant="body2" color="text.disabled">
        —
      </Typography>
    );
  }
  const full = scope.kind === 'full';
  if (compact) {
    // Under the outcome, in the register's table: the kind only (the outcome says how many messages).
    return (
      <Tooltip title={translate(`vigie.register.scopes.${scope.kind}_hint`)} placement="top-start">
        <Typography
          component="span"
          variant="caption"
          data-scope={scope.kind}
          sx={{ display: 'block', fontWeight: full ? 700 : 500, color: full ? 'warning.main' : 'text.secondary' }}
        >
          {translate(`vigie.register.scopes.${scope.kind}`)}
        </Typography>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={translate(`vigie.register.scopes.${scope.kind}_hint`)} placement="top-start">
      <Stack spacing={0} data-scope={scope.kind}>
        <Typography
          component="span"
          variant="body2"
          sx={{ fontWeight: full ? 700 : 500, color: full ? 'warning.main' : 'text.primary' }}
        >
          {translate(`vigie.register.scopes.${scope.kind}`)}
        </Typography>
        <Typography component="span" variant="caption" color="text.secondary">
          {translate('vigie.register.scopes.messages', {
            smart_count: scope.messageCount,
            count: formatCount(scope.messageCount, locale),
          })}
        </Typography>
      </Stack>
    </Tooltip>
  );
};
