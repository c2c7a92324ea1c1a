import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AlertDetails } from '@vigie/contracts';
import { MONOSPACE } from '../common/format';

const SHOWN = 6;

/** The register entries behind an alert, by sequence: the first few, and how many more. */
export const EvidenceCell = ({ sequences }: { sequences: readonly number[] }) => {
  const translate = useTranslate();
  const shown = sequences.slice(0, SHOWN).map((sequence) => `n° ${sequence}`).join(', ');
  const more = sequences.length - SHOWN;
  return (
    <Typography variant="body2" sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem' }} title={sequences.join(', ')} data-testid="alert-evidence">
      {shown}
      {more > 0 && ` ${translate('vigie.alerts.evidence_more', { count: more })}`}
    </Typography>
  );
};

/** What a system alert points at: the broken entry, the failed run, the error's name — ids and codes only. */
export const AlertDetailsCell = ({ details }: { details: AlertDetails }) => {
  const translate = useTranslate();
  const parts: string[] = [];
  if (typeof details.sequence === 'number') {
    parts.push(translate(details.chain === 'journal' ? 'vigie.alerts.details.journal' : 'vigie.alerts.details.sequence', { sequence: details.sequence }));
  }
  if (typeof details.runId === 'string') parts.push(translate('vigie.alerts.details.run', { run: details.runId.slice(0, 8) }));
  if (details.status === 'interrupted') parts.push(translate('vigie.alerts.details.interrupted'));
  const code = typeof details.problem === 'string' ? details.problem : typeof details.error === 'string' ? details.error : undefined;
  if (code) parts.push(code);
  return (
    <Typography variant="body2" sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem' }} data-testid="alert-details">
      {parts.join(' · ') || '—'}
    </Typography>
  );
};
