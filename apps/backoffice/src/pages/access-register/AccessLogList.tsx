import { Card, Stack, Typography } from '@mui/material';
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
import { ACCESS_LOG_RESOURCE, type AccessLogRecord } from './accessRegisterApi';
import { accessLogFilters } from './accessLogFilters';
import { AccessLogEmpty } from './AccessLogEmpty';
import { AtCell } from './AtCell';
import { CaseCell } from './CaseCell';
import { EntryDetail } from './EntryDetail';
import { JustificationCell } from './JustificationCell';
import { OutcomeChip } from './OutcomeChip';
import { formatCount, MONOSPACE } from './registerFormat';
import { ScopeLabel } from './ScopeLabel';
import { StaffCell } from './StaffCell';

const Column = DataTable.Col<AccessLogRecord>;

const RegisterTotal = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { total, sort } = useListContext();
  return (
    <Stack sx={{ alignItems: 'flex-end', pb: 1.5, whiteSpace: 'nowrap' }}>
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
export const AccessLogList = () => {
  const { palette } = useTheme();
  // A refusal is what an audit looks for first: its row carries a red edge and a faint tint.
  const deniedRowSx = (record: AccessLogRecord) =>
    record.outcome === 'denied'
      ? {
          bgcolor: alpha(palette.error.main, 0.03),
          '& > td:first-of-type': { boxShadow: `inset 3px 0 0 ${palette.error.main}` },
        }
      : {};
  return (
    <ListBase<AccessLogRecord>
      resource={ACCESS_LOG_RESOURCE}
      sort={{ field: 'sequence', order: 'DESC' }}
      perPage={25}
      // The route is behind <RequireAccess action="audit.view"> and the app requires a session;
      // the authProvider's canAccess knows only resources it serves (cases, staff), not this one.
      disableAuthentication
    >
      <Card sx={{ overflow: 'hidden' }}>
        <ListToolbar
          filters={accessLogFilters}
          actions={<RegisterTotal />}
          sx={{ px: 2, pt: 1, alignItems: 'flex-end', '& .RaFilterForm-root': { flex: 1 } }}
        />
        <DataTable
          rowClick="expand"
          expand={<EntryDetail />}
          bulkActionButtons={false}
          rowSx={deniedRowSx}
          empty={<AccessLogEmpty />}
          size="small"
          sx={{
            '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
            '& .MuiTableCell-root': { py: 1, verticalAlign: 'middle' },
            '& .MuiTableCell-body': { whiteSpace: 'nowrap' },
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
                sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem' }}
              >
                {record.sequence}
              </Typography>
            )}
          />
          <Column
            source="at"
            label="vigie.register.fields.at"
            disableSort
            render={(record) => <AtCell at={record.at} />}
          />
          <Column
            source="staff"
            label="vigie.register.fields.staff"
            disableSort
            render={(record) => <StaffCell staff={record.staff} />}
          />
          <Column
            source="caseId"
            label="vigie.register.fields.case"
            disableSort
            render={(record) => <CaseCell caseId={record.caseId} />}
          />
          <Column
            source="outcome"
            label="vigie.register.fields.outcome"
            disableSort
            render={(record) => (
              <OutcomeChip outcome={record.outcome} reason={record.reason} scope={record.scope} />
            )}
          />
          <Column
            source="scope"
            label="vigie.register.fields.scope"
            disableSort
            render={(record) => <ScopeLabel scope={record.scope} />}
          />
          <Column
            source="justification"
            label="vigie.register.fields.justification"
            disableSort
            render={(record) => (
              <JustificationCell justification={record.justification} erasedAt={record.erasedAt} />
            )}
          />
        </DataTable>
        <Pagination rowsPerPageOptions={[25, 50, 100]} />
      </Card>
    </ListBase>
  );
};
