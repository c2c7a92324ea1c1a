import FilterAltOutlined from '@mui/icons-material/FilterAltOutlined';
import { Box, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useListContext, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../i18n/relativeTime';
import type { RegisterRecord } from './registerApi';
import { CopyableHash } from './CopyableHash';
import { legalBasisKey, purposeKey } from './registerCodes';
import { formatCount, MONOSPACE } from '../common/format';
import { Fact } from '../components/Fact';

const Code = ({ children }: { children: ReactNode }) => (
  <Typography
    component="code"
    variant="body2"
    sx={{ display: 'block', fontFamily: MONOSPACE, fontSize: '0.8125rem', wordBreak: 'break-all' }}
  >
    {children}
  </Typography>
);

/** A code in words when this build knows it, the code itself always (it is what the register holds). */
const Coded = ({ code, messageKey }: { code: string; messageKey: string | undefined }) => {
  const translate = useTranslate();
  return (
    <>
      {messageKey && <Typography variant="body2">{translate(messageKey)}</Typography>}
      <Typography
        component="code"
        variant={messageKey ? 'caption' : 'body2'}
        color={messageKey ? 'text.secondary' : 'text.primary'}
        sx={{ display: 'block', fontFamily: MONOSPACE }}
      >
        {code}
      </Typography>
    </>
  );
};

/** Everything the register holds about one entry, but never a message. */
export const EntryDetail = () => {
  const record = useRecordContext<RegisterRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { filterValues, setFilters } = useListContext();
  if (!record) return null;

  const none = (
    <Typography variant="body2" color="text.disabled">
      {translate('vigie.register.detail.none')}
    </Typography>
  );
  // A personal field is null either because it was never known or because retention erased it.
  const personal = (value: string | null) =>
    value ? (
      <Code>{value}</Code>
    ) : (
      <Typography
        variant="body2"
        color="text.disabled"
        sx={{ fontStyle: record.erasedAt ? 'italic' : 'normal' }}
      >
        {translate(record.erasedAt ? 'vigie.register.detail.erased' : 'vigie.register.detail.none')}
      </Typography>
    );

  return (
    <Box
      data-testid={`entry-detail-${record.sequence}`}
      sx={{ px: 2, py: 2, bgcolor: 'background.default', borderLeft: 3, borderColor: 'primary.light' }}
    >
      <Typography component="h3" variant="subtitle2" sx={{ mb: 1.5 }}>
        {translate('vigie.register.detail.title', { sequence: formatCount(record.sequence, locale) })}
      </Typography>
      <Box
        component="dl"
        sx={{
          m: 0,
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' },
          columnGap: 3,
          rowGap: 1.75,
        }}
      >
        {record.justification && (
          <Fact term label={translate('vigie.register.detail.justification')} wide>
            <Typography
              variant="body2"
              sx={{
                whiteSpace: 'pre-line',
                bgcolor: 'background.paper',
                border: 1,
                borderColor: 'divider',
                borderRadius: '8px',
                px: 1.5,
                py: 1,
                maxWidth: 900,
              }}
            >
              {record.justification}
            </Typography>
          </Fact>
        )}
        <Fact term label={translate('vigie.register.detail.legal_basis')}>
          <Coded code={record.legalBasis} messageKey={legalBasisKey(record.legalBasis)} />
        </Fact>
        <Fact term label={translate('vigie.lia.register_label')}>
          {typeof record.liaVersion === 'number' ? (
            <Typography variant="body2" data-testid="register-entry-lia">
              <Link to={`/lia/${record.liaVersion}`}>{translate('vigie.lia.version_label', { version: record.liaVersion })}</Link>
            </Typography>
          ) : (
            <Typography variant="body2" color="text.secondary" data-testid="register-entry-lia">
              {translate('vigie.lia.register_none')}
            </Typography>
          )}
        </Fact>
        <Fact term label={translate('vigie.register.detail.purpose')}>
          <Coded code={record.purpose} messageKey={purposeKey(record.purpose)} />
        </Fact>
        <Fact term label={translate('vigie.register.detail.messages')}>
          {record.scope ? (
            <Typography variant="body2">
              {translate(`vigie.register.scopes.${record.scope.kind}`)} —{' '}
              {translate('vigie.register.scopes.messages', {
                smart_count: record.scope.messageCount,
                count: formatCount(record.scope.messageCount, locale),
              })}
            </Typography>
          ) : (
            none
          )}
        </Fact>
        <Fact term label={translate('vigie.register.detail.subjects')}>
          {record.subjects.length === 0
            ? none
            : record.subjects.map(({ id, externalId, displayName }) => {
                const name = displayName ?? externalId ?? id;
                return (
                  <Stack key={id} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {name}
                    </Typography>
                    {displayName && externalId && (
                      <Typography
                        variant="body2"
                        color="text.secondary"
                        sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem' }}
                      >
                        {externalId}
                      </Typography>
                    )}
                    {externalId && filterValues.subject !== externalId && (
                      <Tooltip title={translate('vigie.register.detail.subject_filter', { name })}>
                        <IconButton
                          size="small"
                          aria-label={translate('vigie.register.detail.subject_filter', { name })}
                          onClick={() => setFilters({ ...filterValues, subject: externalId })}
                          sx={{ color: 'text.secondary' }}
                        >
                          <FilterAltOutlined sx={{ fontSize: 16 }} />
                        </IconButton>
                      </Tooltip>
                    )}
                  </Stack>
                );
              })}
        </Fact>
        <Fact term label={translate('vigie.register.detail.reports')}>
          {record.reportIds.length === 0 ? none : record.reportIds.map((id) => <Code key={id}>{id}</Code>)}
        </Fact>
        <Fact term label={translate('vigie.register.detail.conversation')}>
          {record.conversationId ? <Code>{record.conversationId}</Code> : none}
        </Fact>
        <Fact term label={translate('vigie.register.detail.ip')}>{personal(record.ip)}</Fact>
        <Fact term label={translate('vigie.register.detail.user_agent')}>{personal(record.userAgent)}</Fact>
        <Fact term label={translate('vigie.register.detail.request_id')}>
          {record.requestId ? <Code>{record.requestId}</Code> : none}
        </Fact>
        <Fact term label={translate('vigie.register.detail.grant_id')}>
          {record.grantId ? <Code>{record.grantId}</Code> : none}
        </Fact>
        {record.erasedAt && (
          <Fact term label={translate('vigie.register.detail.erased_at')}>
            <Typography variant="body2">{formatDateTime(new Date(record.erasedAt), locale)}</Typography>
          </Fact>
        )}
        <Fact term label={translate('vigie.register.detail.hash')} wide>
          <CopyableHash hash={record.hash} whole />
        </Fact>
      </Box>
    </Box>
  );
};
