import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import { useCallback, useState } from 'react';
import { useTranslate } from 'react-admin';
import { ListCard } from '../components/ListCard';
import { PagedTable } from '../components/PagedTable';
import { retentionApi } from './retentionApi';
import { RunRow } from './RunRow';
import { numberHeadSx } from '../components/tableStyle';
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
  const [page, setPage] = useState(0);
  const load = useCallback(() => retentionApi.runs(page + 1, RUNS_PER_PAGE), [page]);
  const answer = useApiData(load, version);
  const title = translate('vigie.retention.runs.title');

  return (
    <ListCard
      id="retention-runs-title"
      icon={HistoryOutlined}
      title={title}
      explanation={translate('vigie.retention.runs.explanation')}
      answer={answer}
      messages="vigie.retention.runs"
      totalTestId="runs-total"
      sx={{ mb: 2 }}
      table={(rows) => (
        // Eleven columns: tighter sides than the other tables, so a laptop shows them all.
        <PagedTable
          label={title}
          columns={COLUMNS.map((column) => ({
            key: column,
            label: translate(`vigie.retention.runs.fields.${column}`),
            sx: FIGURES.has(column) ? numberHeadSx : undefined,
          }))}
          sx={{ '& .MuiTableCell-root': { px: 0.875 }, '& .MuiTableCell-head': { fontSize: '0.8125rem' } }}
          paging={{
            total: rows.total,
            page,
            perPage: RUNS_PER_PAGE,
            onPageChange: setPage,
            messages: 'vigie.retention.runs',
          }}
        >
          {rows.data.map((run) => (
            <RunRow key={run.id} run={run} />
          ))}
        </PagedTable>
      )}
    />
  );
};
