import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
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
