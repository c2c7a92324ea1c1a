import NotificationImportantOutlined from '@mui/icons-material/NotificationImportantOutlined';
import { Box, Button, MenuItem, Stack, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { ALERT_RULES, ALERT_STATUSES, type AlertRule, type AlertStatus, type StaffAlert } from '@vigie/contracts';
import { useCallback, useState } from 'react';
import { Link, Title, useGetIdentity, useTranslate } from 'react-admin';
import { useApiData } from '../common/useApiData';
import { AtCell } from '../components/AtCell';
import { ListCard } from '../components/ListCard';
import { PagedTable } from '../components/PagedTable';
import { AlertStatusChip } from './AlertStatusChip';
import { type AlertsApi, alertsApi } from './alertsApi';
import { AlertDetailsCell, EvidenceCell } from './EvidenceCell';
import { ResolveAlertDialog } from './ResolveAlertDialog';
import { ALERTS_CHANGED } from './useOpenAlertCount';

export const ALERTS_PER_PAGE = 25;
const COLUMNS = ['opened', 'rule', 'staff', 'evidence', 'status', 'actions'] as const;
const ALL = 'all';

/** Where the per-staff view of one person is. */
export const staffActivityPath = (staffId: string): string => `/alerts/staff/${encodeURIComponent(staffId)}`;

const AlertRow = ({ alert, mine, onResolve }: { alert: StaffAlert; mine: boolean; onResolve: (alert: StaffAlert) => void }) => {
  const translate = useTranslate();
  return (
    <TableRow hover data-testid={`alert-${alert.id}`} data-rule={alert.rule} data-status={alert.status}>
      <TableCell>
        <AtCell at={alert.openedAt} />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'normal !important', minWidth: 220, maxWidth: 320 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {translate(`vigie.alerts.rules.${alert.rule}`)}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate(`vigie.alerts.rule_help.${alert.rule}`)}
        </Typography>
      </TableCell>
      <TableCell>
        {alert.staffId === null ? (
          <Typography variant="body2" color="text.secondary" data-testid="alert-system">
            {translate('vigie.alerts.system')}
          </Typography>
        ) : (
          <Link to={staffActivityPath(alert.staffId)} data-testid="alert-staff">
            {alert.staffName ?? alert.staffId}
          </Link>
        )}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'normal !important', minWidth: 160, maxWidth: 240 }}>
        {alert.staffId === null ? <AlertDetailsCell details={alert.details} /> : <EvidenceCell sequences={alert.evidence.sequences} />}
      </TableCell>
      <TableCell>
        <AlertStatusChip status={alert.status} />
        {alert.note && (
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5, maxWidth: 260 }} data-testid="alert-note">
            {alert.resolvedBy?.name ? `${alert.resolvedBy.name} : ` : ''}
            {alert.note}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        {alert.status === 'open' && mine && (
          <Typography variant="caption" color="text.secondary" data-testid="alert-own">
            {translate('vigie.alerts.resolve.own_short')}
          </Typography>
        )}
        {alert.status === 'open' && !mine && (
          <Button size="small" variant="outlined" onClick={() => onResolve(alert)} data-testid="alert-resolve">
            {translate('vigie.alerts.resolve.open')}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
};

/** The alerts on anomalous access, open ones first in view: the DPO acknowledges or dismisses each with a note. */
export const AlertsPage = ({ api = alertsApi }: { api?: AlertsApi }) => {
  const translate = useTranslate();
  // An alert about oneself is resolved by another DPO (the API refuses it too).
  const { identity } = useGetIdentity();
  const [status, setStatus] = useState<AlertStatus | typeof ALL>('open');
  const [rule, setRule] = useState<AlertRule | typeof ALL>(ALL);
  const [page, setPage] = useState(0);
  const [version, setVersion] = useState(0);
  const [resolving, setResolving] = useState<StaffAlert | null>(null);
  const load = useCallback(
    () => api.list(page + 1, ALERTS_PER_PAGE, { status: status === ALL ? undefined : status, rule: rule === ALL ? undefined : rule }),
    [api, page, status, rule],
  );
  const answer = useApiData(load, version);
  const title = translate('vigie.alerts.title');

  return (
    <Box sx={{ maxWidth: 1440, minWidth: 0, width: '100%' }}>
      <Title title="vigie.alerts.title" />
      <ListCard
        id="alerts-title"
        icon={NotificationImportantOutlined}
        title={title}
        explanation={translate('vigie.alerts.intro')}
        answer={answer}
        messages="vigie.alerts"
        totalTestId="alerts-total"
        toolbar={
          <Stack direction="row" spacing={1.5} sx={{ mt: 2, flexWrap: 'wrap' }} useFlexGap>
            <TextField
              select
              size="small"
              label={translate('vigie.alerts.filters.status')}
              value={status}
              onChange={(event) => {
                setStatus(event.target.value as AlertStatus | typeof ALL);
                setPage(0);
              }}
              fullWidth={false}
              sx={{ width: 200 }}
              slotProps={{ htmlInput: { 'data-testid': 'alerts-filter-status' } }}
            >
              <MenuItem value={ALL}>{translate('vigie.alerts.filters.all')}</MenuItem>
              {ALERT_STATUSES.map((value) => (
                <MenuItem key={value} value={value}>
                  {translate(`vigie.alerts.statuses.${value}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              label={translate('vigie.alerts.filters.rule')}
              value={rule}
              onChange={(event) => {
                setRule(event.target.value as AlertRule | typeof ALL);
                setPage(0);
              }}
              fullWidth={false}
              sx={{ width: 320 }}
              slotProps={{ htmlInput: { 'data-testid': 'alerts-filter-rule' } }}
            >
              <MenuItem value={ALL}>{translate('vigie.alerts.filters.all')}</MenuItem>
              {ALERT_RULES.map((value) => (
                <MenuItem key={value} value={value}>
                  {translate(`vigie.alerts.rules.${value}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        }
        errorKey="vigie.alerts.load_failed"
        emptyKey={status === 'open' && rule === ALL ? 'vigie.alerts.empty_open' : 'vigie.alerts.empty'}
        emptyTestId="alerts-empty"
        headingSpace={2}
        sx={{ mt: 1 }}
        table={(rows) => (
          <PagedTable
            label={title}
            columns={COLUMNS.map((column) => ({ key: column, label: translate(`vigie.alerts.fields.${column}`) }))}
            paging={{ total: rows.total, page, perPage: ALERTS_PER_PAGE, onPageChange: setPage, messages: 'vigie.alerts' }}
          >
            {rows.data.map((alert) => (
              <AlertRow key={alert.id} alert={alert} mine={identity?.id === alert.staffId} onResolve={setResolving} />
            ))}
          </PagedTable>
        )}
      >
        {resolving && (
          <ResolveAlertDialog
            alert={resolving}
            api={api}
            onClose={() => setResolving(null)}
            onDone={() => {
              setResolving(null);
              setVersion((value) => value + 1);
              window.dispatchEvent(new Event(ALERTS_CHANGED));
            }}
          />
        )}
      </ListCard>
    </Box>
  );
};
