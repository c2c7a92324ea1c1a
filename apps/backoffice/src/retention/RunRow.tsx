import { Chip, TableCell, TableRow, Tooltip, Typography } from '@mui/material';
import type { RetentionRun } from '@vigie/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { AtCell } from '../components/AtCell';
import { formatCount, MONOSPACE } from '../common/format';
import { DateCell } from './DateCell';
import { formatDuration } from './retentionFormat';
import { RunStatusChip } from './RunStatusChip';
import { numberCellSx } from '../components/tableStyle';

/** One run of the history: when, how long, what kind, how it ended and what it erased. */
export const RunRow = ({ run }: { run: RetentionRun }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const count = (value: number) => formatCount(value, locale);
  const trigger = translate(`vigie.retention.runs.triggers.${run.trigger}`);
  // A dry run's figures are what would have happened: quieter, and said so on hover.
  const figureSx = run.dryRun
    ? { ...numberCellSx, color: 'text.secondary', fontStyle: 'italic' }
    : numberCellSx;
  const figureTitle = run.dryRun ? translate('vigie.retention.runs.dry_hint') : undefined;
  const { counts } = run;
  return (
    <TableRow hover data-testid={`run-${run.id}`} data-dry-run={run.dryRun}>
      <TableCell>
        <AtCell at={run.startedAt} />
      </TableCell>
      <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {run.finishedAt
          ? formatDuration(new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime(), locale)
          : translate('vigie.retention.runs.in_progress')}
      </TableCell>
      <TableCell>
        <Chip
          size="small"
          variant={run.dryRun ? 'outlined' : 'filled'}
          label={translate(run.dryRun ? 'vigie.retention.runs.kinds.dry' : 'vigie.retention.runs.kinds.real')}
          data-kind={run.dryRun ? 'dry' : 'real'}
        />
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.25 }}>
          {run.startedBy
            ? translate('vigie.retention.runs.by', { trigger, name: run.startedBy.name })
            : trigger}
          {run.reference ? ` · ${translate('vigie.retention.runs.reference', { reference: run.reference })}` : ''}
        </Typography>
      </TableCell>
      <TableCell>
        <RunStatusChip status={run.status} />
        {/* Under its status rather than in a column of its own: most runs have none. */}
        {run.error && (
          <Tooltip title={run.error}>
            <Typography
              variant="caption"
              color="error"
              data-testid="run-error"
              sx={{
                display: 'block',
                mt: 0.25,
                maxWidth: 124,
                fontFamily: MONOSPACE,
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              }}
            >
              {run.error}
            </Typography>
          </Tooltip>
        )}
      </TableCell>
      <TableCell>
        <DateCell value={run.cutoff} />
      </TableCell>
      <TableCell sx={figureSx} title={figureTitle} data-testid="run-cases">
        {count(run.counts.casesClosed)} / {count(counts.casesPurged)}
      </TableCell>
      <TableCell sx={figureSx} title={figureTitle}>
        {count(counts.messagesErased)}
      </TableCell>
      <TableCell sx={figureSx} title={figureTitle}>
        {count(counts.reportCommentsErased)}
      </TableCell>
      <TableCell sx={figureSx} title={figureTitle}>
        {count(counts.notesErased)}
      </TableCell>
      <TableCell sx={figureSx} title={figureTitle}>
        {count(counts.usersPseudonymised)}
      </TableCell>
      <TableCell sx={figureSx} title={figureTitle}>
        {count(counts.registerEntriesErased)}
      </TableCell>
    </TableRow>
  );
};
