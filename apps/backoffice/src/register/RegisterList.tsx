import { Card, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { alpha, useTheme } from '@mui/material/styles';
import {
  DataTable,
  ListBase,
  ListToolbar,
  Pagination,
  useListContext,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { REGISTER_RESOURCE, type RegisterRecord } from './registerApi';
import { registerFilters } from './registerFilters';
import { RegisterEmpty } from './RegisterEmpty';
import { AtCell } from '../components/AtCell';
import { CaseCell } from './CaseCell';
import { ConversationCell } from './ConversationCell';
import { ReportsCell } from './ReportsCell';
import { EntryDetail } from './EntryDetail';
import { JustificationCell } from './JustificationCell';
import { OutcomeChip } from './OutcomeChip';
import { formatCount, MONOSPACE } from '../common/format';
import { ScopeLabel } from './ScopeLabel';
import { StaffCell } from './StaffCell';

const Column = DataTable.Col<RegisterRecord>;

// The justification takes the width the other columns leave, cut to one line: the table
// fits its card instead of scrolling sideways for the one free-text column.
const justificationCellSx = () => ({ width: '100%', maxWidth: 0, minWidth: 90 });
// Wide enough for most outcomes on one line; a long refusal reason wraps inside its chip.
const outcomeCellSx = () => ({ minWidth: 120, whiteSpace: 'normal' });

// Every column but the sequence: not sortable (the API sorts the register by sequence only).
const COLUMNS: readonly {
  source: keyof RegisterRecord;
  /** Its heading's key under `vigie.register.fields`, when not the source's name. */
  label?: string;
  cellSx?: () => Record<string, unknown>;
  render: (record: RegisterRecord) => ReactNode;
}[] = [
  { source: 'at', render: (record) => <AtCell at={record.at} /> },
  { source: 'staff', render: (record) => <StaffCell staff={record.staff} /> },
  { source: 'caseId', label: 'case', render: (record) => <CaseCell caseId={record.caseId} /> },
  {
    source: 'conversationExternalId',
    label: 'conversation',
    render: (record) => (
      <ConversationCell
        conversationExternalId={record.conversationExternalId}
        conversationId={record.conversationId}
        subjects={record.subjects}
      />
    ),
  },
  { source: 'reports', render: (record) => <ReportsCell reports={record.reports} reportIds={record.reportIds} /> },
  {
    source: 'outcome',
    cellSx: outcomeCellSx,
    // The scope under the outcome: one column fewer, so that the row fits a laptop's width.
    render: (record) => (
      <Stack spacing={0.25} sx={{ alignItems: 'flex-start' }}>
        <OutcomeChip outcome={record.outcome} reason={record.reason} scope={record.scope} />
        <ScopeLabel scope={record.scope} compact />
      </Stack>
    ),
  },
  {
    source: 'justification',
    cellSx: justificationCellSx,
    render: (record) => (
      <JustificationCell justification={record.justification} erasedAt={record.erasedAt} outcome={record.outcome} />
    ),
  },
];

const RegisterTotal = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { total, sort } = useListContext();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', whiteSpace: 'nowrap' }}>
      {total !== undefined && (
        <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="register-total">
          {translate('vigie.register.total', { smart_count: total, count: formatCount(total, locale) })}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        {translate(sort.order === 'ASC' ? 'vigie.register.order_oldest' : 'vigie.register.order_newest')}
      </Typography>
    </Stack>
  );
};

/** The register's entries, newest first, filtered as the API allows; a row opens its detail. */
export const RegisterList = () => {
  const { palette } = useTheme();
  const [locale] = useLocaleState();
  // A refusal is what an audit looks for first: its row carries a red edge and a faint tint.
  const deniedRowSx = (record: RegisterRecord) =>
    record.outcome === 'denied'
      ? {
          bgcolor: alpha(palette.error.main, 0.03),
          '& > td:first-of-type': { boxShadow: `inset 3px 0 0 ${palette.error.main}` },
        }
      : {};
  return (
    <ListBase<RegisterRecord>
      resource={REGISTER_RESOURCE}
      sort={{ field: 'sequence', order: 'DESC' }}
      perPage={25}
      // Filters last as long as the visit: leaving the screen and coming back shows the whole register.
      disableSyncWithLocation
      storeKey={false}
    >
      <Card sx={{ overflow: 'hidden' }}>
        <ListToolbar
          filters={registerFilters}
          actions={false}
          sx={{ px: 2, pt: 1, alignItems: 'flex-end', '& .RaFilterForm-root': { flex: 1 } }}
        />
        <DataTable
          rowClick="expand"
          expand={<EntryDetail />}
          bulkActionButtons={false}
          rowSx={deniedRowSx}
          empty={<RegisterEmpty />}
          size="small"
          sx={{
            '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
            // Tighter than MUI's 16px sides: nine columns fit a laptop screen without scrolling.
            '& .MuiTableCell-root': { py: 0.75, px: 0.625, verticalAlign: 'middle' },
            // One line per cell; the detail panel below a row wraps as prose does.
            '& .RaDataTable-rowCell': { whiteSpace: 'nowrap' },
            '& .MuiTableCell-head': { bgcolor: 'background.default', borderTop: 1, borderColor: 'divider' },
            '& .MuiTableRow-hover:hover': { bgcolor: 'rgba(18, 80, 107, 0.035)' },
            '& .RaDataTable-expandRow > td': { p: 0 },
          }}
        >
          <Column
            source="sequence"
            label="vigie.register.fields.sequence"
            sortByOrder="DESC"
            render={(record) => (
              <Typography
                component="span"
                variant="body2"
                data-sequence={record.sequence}
                sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem' }}
              >
                {formatCount(record.sequence, locale)}
              </Typography>
            )}
          />
          {COLUMNS.map(({ source, label = source, cellSx, render }) => (
            <Column
              key={source}
              source={source}
              label={`vigie.register.fields.${label}`}
              disableSort
              cellSx={cellSx}
              render={render}
            />
          ))}
        </DataTable>
        {/* The count beside the pages, not beside the filters: they keep the width, the list stays in view. */}
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', pl: 2 }}>
          <RegisterTotal />
          <Pagination rowsPerPageOptions={[25, 50, 100]} />
        </Stack>
      </Card>
    </ListBase>
  );
};
