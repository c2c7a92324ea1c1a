import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import {
  Box,
  Card,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@mui/material';
import { useCallback, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCount } from '../common/format';
import { CardHeading } from '../components/CardHeading';
import { LoadFailedAlert } from '../components/LoadFailedAlert';
import { retentionApi } from './retentionApi';
import { RunRow } from './RunRow';
import { compactTableSx, numberHeadSx } from '../components/tableStyle';
import { useApiData } from '../common/useApiData';

export const RUNS_PER_PAGE = 10;

const COLUMNS = [
  'started',
  'duration',
  'kind',
  'status',
  'cutoff',
  'cases',
  'messages',
  'comments',
  'notes',
  'users',
  'register',
] as const;
const FIGURES: ReadonlySet<string> = new Set(['cases', 'messages', 'comments', 'notes', 'users', 'register']);

/** Every run, newest first: the history a DPO shows an auditor. */
export const RunsCard = ({ version }: { version: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [page, setPage] = useState(0);
  const load = useCallback(() => retentionApi.runs(page + 1, RUNS_PER_PAGE), [page]);
  const { data: runs, error, isPending } = useApiData(load, version);
  const title = translate('vigie.retention.runs.title');

  return (
    <Card component="section" aria-labelledby="retention-runs-title" sx={{ mb: 2, overflow: 'hidden' }}>
      <Box sx={{ p: 2.5, pb: runs && runs.data.length > 0 ? 1.5 : 2.5 }}>
        <CardHeading
          id="retention-runs-title"
          icon={HistoryOutlined}
          title={title}
          explanation={translate('vigie.retention.runs.explanation')}
          action={
            runs && (
              <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="runs-total">
                {translate('vigie.retention.runs.total', {
                  smart_count: runs.total,
                  count: formatCount(runs.total, locale),
                })}
              </Typography>
            )
          }
        />
        {error !== null && <LoadFailedAlert error={error} />}
        {isPending && <LinearProgress sx={{ mt: 2, borderRadius: 2 }} aria-hidden />}
        {runs && error === null && runs.data.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            {translate('vigie.retention.runs.none')}
          </Typography>
        )}
      </Box>
      {runs && error === null && runs.data.length > 0 && (
        <>
          <Box sx={{ overflowX: 'auto' }}>
            {/* Eleven columns: tighter sides than the other tables, so a laptop shows them all. */}
            <Table
              size="small"
              sx={[
                compactTableSx,
                {
                  '& .MuiTableCell-root': { px: 0.875 },
                  '& .MuiTableCell-head': { fontSize: '0.8125rem' },
                },
              ]}
              aria-label={title}
            >
              <TableHead>
                <TableRow>
                  {COLUMNS.map((column) => (
                    <TableCell key={column} sx={FIGURES.has(column) ? numberHeadSx : undefined}>
                      {translate(`vigie.retention.runs.fields.${column}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {runs.data.map((run) => (
                  <RunRow key={run.id} run={run} />
                ))}
              </TableBody>
            </Table>
          </Box>
          {runs.total > RUNS_PER_PAGE && (
            <TablePagination
              component="div"
              count={runs.total}
              page={page}
              rowsPerPage={RUNS_PER_PAGE}
              rowsPerPageOptions={[]}
              onPageChange={(_event, next) => setPage(next)}
              labelDisplayedRows={({ from, to, count }) =>
                translate('vigie.retention.runs.displayed', {
                  from: formatCount(from, locale),
                  to: formatCount(to, locale),
                  count: formatCount(count, locale),
                })
              }
              getItemAriaLabel={(type) => translate(`vigie.retention.runs.${type}`)}
            />
          )}
        </>
      )}
    </Card>
  );
};
