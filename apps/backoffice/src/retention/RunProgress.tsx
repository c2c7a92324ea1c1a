import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import type { RetentionRun } from '@vigie/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCount } from '../common/format';
import { runProgress } from './retentionFormat';
import { RunCounts } from './RunCounts';

/** A running run: how many of the cases due it has done, and the counts so far. */
export const RunProgress = ({ run }: { run: RetentionRun }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const value = runProgress(run.counts.casesPurged, run.casesDue);
  return (
    <Box data-testid="run-progress" data-dry-run={run.dryRun}>
      <Stack
        direction="row"
        spacing={1}
        sx={{ justifyContent: 'space-between', alignItems: 'baseline', mb: 0.75 }}
      >
        <Typography variant="subtitle2">
          {translate(run.dryRun ? 'vigie.retention.run.running_dry' : 'vigie.retention.run.running_real')}
        </Typography>
        {run.batches > 0 && (
          <Typography variant="caption" color="text.secondary">
            {translate('vigie.retention.run.batches', { count: formatCount(run.batches, locale) })}
          </Typography>
        )}
      </Stack>
      <LinearProgress
        variant={value === null ? 'indeterminate' : 'determinate'}
        value={value ?? undefined}
        color={run.dryRun ? 'primary' : 'secondary'}
        aria-label={translate('vigie.retention.run.progress_label')}
        sx={{ height: 8, borderRadius: 4 }}
      />
      <Typography
        variant="body2"
        color="text.secondary"
        sx={{ mt: 0.75, fontVariantNumeric: 'tabular-nums' }}
      >
        {value === null
          ? translate('vigie.retention.run.progress_unknown')
          : translate('vigie.retention.run.progress', {
              smart_count: run.counts.casesPurged,
              done: formatCount(run.counts.casesPurged, locale),
              due: formatCount(run.casesDue, locale),
            })}
      </Typography>
      <RunCounts run={run} />
    </Box>
  );
};
