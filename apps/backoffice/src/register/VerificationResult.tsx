import GppBadOutlined from '@mui/icons-material/GppBadOutlined';
import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import { Alert, AlertTitle, Stack, Typography } from '@mui/material';
import type { RegisterVerification } from '@vigie/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../i18n/relativeTime';
import { CopyableHash } from './CopyableHash';
import { formatCount } from '../common/format';

/** A verification's answer in words: intact, or where the chain first breaks and what that means. */
export const VerificationResult = ({ result }: { result: RegisterVerification }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const count = (value: number) => ({ smart_count: value, count: formatCount(value, locale) });
  const verifiedAt = (
    <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
      {translate('vigie.register.integrity.verified_at', {
        date: formatDateTime(new Date(result.verifiedAt), locale),
      })}
    </Typography>
  );

  if (!result.intact && result.firstBroken) {
    const { sequence, problem } = result.firstBroken;
    return (
      <Alert severity="error" icon={<GppBadOutlined />} data-testid="verification-broken" role="alert">
        <AlertTitle sx={{ fontWeight: 700 }}>
          {translate('vigie.register.integrity.broken_title', { sequence: formatCount(sequence, locale) })}
          {' — '}
          {translate(`vigie.register.integrity.problems.${problem}`)}
        </AlertTitle>
        <Typography variant="body2">{translate('vigie.register.integrity.broken_advice')}</Typography>
        {verifiedAt}
      </Alert>
    );
  }

  if (!result.journal.intact && result.journal.firstBroken) {
    const { sequence, problem } = result.journal.firstBroken;
    return (
      <Alert severity="error" icon={<GppBadOutlined />} data-testid="verification-journal-broken" role="alert">
        <AlertTitle sx={{ fontWeight: 700 }}>
          {translate('vigie.register.integrity.journal_broken_title', { sequence: formatCount(sequence, locale) })}
          {' — '}
          {translate(`vigie.register.integrity.problems.${problem}`)}
        </AlertTitle>
        <Typography variant="body2">{translate('vigie.register.integrity.broken_advice')}</Typography>
        {verifiedAt}
      </Alert>
    );
  }

  if (result.entriesChecked === 0) {
    return (
      <Alert severity="info" data-testid="verification-empty">
        {translate('vigie.register.integrity.empty')}
        {verifiedAt}
      </Alert>
    );
  }

  // Entries by the format their hash was computed in, oldest format first.
  const formats = Object.entries(result.formats)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([format, n]) => translate('vigie.register.integrity.format_count', { format, ...count(n) }));
  const summary = [
    translate('vigie.register.integrity.checked', count(result.entriesChecked)),
    ...(result.entriesErased > 0
      ? [translate('vigie.register.integrity.erased', count(result.entriesErased))]
      : []),
  ].join(', ');

  return (
    <Alert severity="success" icon={<VerifiedOutlined />} data-testid="verification-intact" role="status">
      <AlertTitle sx={{ fontWeight: 700 }}>
        {translate('vigie.register.integrity.intact_title')} — {summary}
      </AlertTitle>
      <Typography variant="body2">
        {result.checkpointsChecked > 0
          ? translate('vigie.register.integrity.checkpoints', count(result.checkpointsChecked))
          : translate('vigie.register.integrity.no_checkpoints')}
        {result.journal.entriesChecked > 0 &&
          ` ${translate('vigie.register.integrity.journal_checked', count(result.journal.entriesChecked))}`}
        {formats.length > 0 && ` ${translate('vigie.register.integrity.formats', { list: formats.join(', ') })}`}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 0.75, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2">
          {translate('vigie.register.integrity.head', { sequence: formatCount(result.headSequence, locale) })}
        </Typography>
        {result.headHash && (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" color="text.secondary">
              · {translate('vigie.register.integrity.head_hash')}
            </Typography>
            <CopyableHash hash={result.headHash} />
          </Stack>
        )}
      </Stack>
      {verifiedAt}
    </Alert>
  );
};
