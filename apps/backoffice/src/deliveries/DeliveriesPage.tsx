import CloudDoneOutlined from '@mui/icons-material/CloudDoneOutlined';
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRight';
import OutboxOutlined from '@mui/icons-material/OutboxOutlined';
import ReplayOutlined from '@mui/icons-material/ReplayOutlined';
import ScheduleSendOutlined from '@mui/icons-material/ScheduleSendOutlined';
import {
  Box,
  Button,
  Chip,
  CircularProgress,
  Collapse,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import type { Delivery } from '@vigie/contracts';
import { Fragment, useCallback, useState } from 'react';
import { Title, useLocaleState, useLogoutIfAccessDenied, useNotify, useTranslate } from 'react-admin';
import { refusalText } from '../common/refusals';
import { AtCell } from '../components/AtCell';
import { formatCount, MONOSPACE } from '../common/format';
import { CaseIdCell } from '../components/CaseIdCell';
import { ListCard } from '../components/ListCard';
import { PagedTable } from '../components/PagedTable';
import { numberCellSx } from '../components/tableStyle';
import { useApiData } from '../common/useApiData';
import { DELIVERY_FILTERS, type DeliveriesApi, deliveriesApi, type DeliveryFilter } from './deliveriesApi';
import { formatUntil } from './deliveriesFormat';

export const DELIVERIES_PER_PAGE = 25;
const COLUMNS = ['id', 'event', 'case', 'created', 'attempts', 'last_status', 'delivery', 'actions'] as const;

/** An HTTP answer in the colour of its class: 2xx fine, anything else a failure. */
const StatusChip = ({ status }: { status: number | null }) => {
  const translate = useTranslate();
  if (status === null)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('vigie.decisions.deliveries.no_response')}
      </Typography>
    );
  const ok = status >= 200 && status < 300;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={ok ? 'success' : 'error'}
      label={status}
      data-status={status}
      sx={{ fontFamily: MONOSPACE, fontWeight: 700 }}
    />
  );
};

interface DeliveryRowProps {
  delivery: Delivery;
  onRetried: () => void;
  api: DeliveriesApi;
}

const DeliveryRow = ({ delivery, onRetried, api }: DeliveryRowProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [open, setOpen] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const delivered = delivery.deliveredAt !== null;
  const eventKey = `vigie.decisions.deliveries.event_types.${delivery.eventType.replace(/\./g, '_')}`;
  const logId = `delivery-log-${delivery.id}`;

  const retry = async () => {
    setRetrying(true);
    try {
      await api.retry(delivery.id);
      notify('vigie.decisions.deliveries.retried', { type: 'success' });
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return;
      const text = refusalText(error, translate);
      // Already in words: the notification shows it as it is.
      notify(text, { type: 'warning', autoHideDuration: 8000, messageArgs: { _: text } });
    } finally {
      setRetrying(false);
      onRetried();
    }
  };

  return (
    <Fragment>
      <TableRow
        hover
        data-testid={`delivery-${delivery.id}`}
        data-delivered={delivered}
        sx={{ '& > td': { borderBottom: open ? 0 : undefined } }}
      >
        <TableCell sx={{ ...numberCellSx, textAlign: 'left' }}>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Tooltip
              title={translate(
                open ? 'vigie.decisions.deliveries.hide_log' : 'vigie.decisions.deliveries.show_log',
              )}
            >
              <IconButton
                size="small"
                onClick={() => setOpen((value) => !value)}
                aria-expanded={open}
                aria-controls={logId}
                aria-label={translate(
                  open ? 'vigie.decisions.deliveries.hide_log' : 'vigie.decisions.deliveries.show_log',
                )}
                data-testid="delivery-toggle-log"
              >
                {open ? <KeyboardArrowDown fontSize="small" /> : <KeyboardArrowRight fontSize="small" />}
              </IconButton>
            </Tooltip>
            <Typography variant="body2" sx={{ fontFamily: MONOSPACE }}>
              {delivery.id}
            </Typography>
          </Stack>
        </TableCell>
        <TableCell title={delivery.eventType}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {translate(eventKey, { _: delivery.eventType })}
          </Typography>
        </TableCell>
        <TableCell>
          <CaseIdCell caseId={delivery.caseId} />
        </TableCell>
        <TableCell>
          <AtCell at={delivery.createdAt} />
        </TableCell>
        <TableCell sx={numberCellSx}>{formatCount(delivery.attempts, locale)}</TableCell>
        <TableCell>
          <StatusChip status={delivery.lastStatus} />
          {delivery.lastError && (
            <Tooltip title={delivery.lastError}>
              <Typography
                variant="caption"
                color="error"
                sx={{
                  display: 'block',
                  maxWidth: 150,
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                  fontFamily: MONOSPACE,
                }}
              >
                {delivery.lastError}
              </Typography>
            </Tooltip>
          )}
        </TableCell>
        <TableCell data-testid="delivery-state">
          {delivered ? (
            <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', color: 'success.main' }}>
              <CloudDoneOutlined sx={{ fontSize: 18 }} aria-hidden />
              <Box>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {translate('vigie.decisions.deliveries.delivered')}
                </Typography>
                <Box sx={{ color: 'text.secondary' }}>
                  <AtCell at={delivery.deliveredAt ?? ''} />
                </Box>
              </Box>
            </Stack>
          ) : (
            <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', color: 'warning.main' }}>
              <ScheduleSendOutlined sx={{ fontSize: 18 }} aria-hidden />
              <Box>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {translate('vigie.decisions.deliveries.pending')}
                </Typography>
                {delivery.nextAttemptAt && (
                  <Typography variant="caption" color="text.secondary" title={delivery.nextAttemptAt}>
                    {translate('vigie.decisions.deliveries.next_attempt')}{' '}
                    {formatUntil(new Date(delivery.nextAttemptAt), new Date(), locale)}
                  </Typography>
                )}
              </Box>
            </Stack>
          )}
        </TableCell>
        <TableCell>
          {!delivered && (
            <Button
              size="small"
              variant="outlined"
              startIcon={retrying ? <CircularProgress size={14} color="inherit" /> : <ReplayOutlined />}
              disabled={retrying}
              onClick={() => void retry()}
              data-testid="delivery-retry"
            >
              {translate('vigie.decisions.deliveries.retry')}
            </Button>
          )}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={COLUMNS.length} sx={{ py: '0 !important', bgcolor: 'background.default' }}>
          <Collapse in={open} unmountOnExit id={logId}>
            <Box sx={{ py: 1.5, pl: 5 }} data-testid="delivery-log">
              <Typography variant="subtitle2" sx={{ mb: 1 }}>
                {translate('vigie.decisions.deliveries.log_title')}
              </Typography>
              {delivery.log.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {translate(
                    delivery.attempts === 0
                      ? 'vigie.decisions.deliveries.never_tried'
                      : 'vigie.decisions.deliveries.no_attempt',
                  )}
                </Typography>
              ) : (
                <Table size="small" sx={{ maxWidth: 900, '& td, & th': { whiteSpace: 'nowrap' } }}>
                  <TableHead>
                    <TableRow>
                      {(['at', 'status', 'error', 'duration'] as const).map((field) => (
                        <TableCell key={field} sx={{ color: 'text.secondary', fontWeight: 600 }}>
                          {translate(`vigie.decisions.deliveries.log_fields.${field}`)}
                        </TableCell>
                      ))}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {delivery.log.map((attempt) => (
                      <TableRow key={attempt.at} data-testid="delivery-attempt">
                        <TableCell>
                          <AtCell at={attempt.at} />
                        </TableCell>
                        <TableCell>
                          <StatusChip status={attempt.statusCode} />
                        </TableCell>
                        <TableCell
                          sx={{ fontFamily: MONOSPACE, whiteSpace: 'normal !important', maxWidth: 420 }}
                        >
                          {attempt.error ?? '—'}
                        </TableCell>
                        <TableCell sx={numberCellSx}>
                          {translate('vigie.decisions.deliveries.duration_ms', {
                            ms: formatCount(attempt.durationMs, locale),
                          })}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Box>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
};

/**
 * What Vigie told the platform (effective decisions, appeal outcomes) and whether it arrived:
 * each delivery with its attempts, and a retry for those still waiting. Leads and admins.
 */
export const DeliveriesPage = ({ api = deliveriesApi }: { api?: DeliveriesApi }) => {
  const translate = useTranslate();
  const [filter, setFilter] = useState<DeliveryFilter>('all');
  const [page, setPage] = useState(0);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const load = useCallback(() => api.list(page + 1, DELIVERIES_PER_PAGE, filter), [api, page, filter]);
  const answer = useApiData(load, version);
  const title = translate('vigie.decisions.deliveries.title');

  return (
    <Box sx={{ maxWidth: 1440, minWidth: 0, width: '100%' }}>
      <Title title="vigie.decisions.deliveries.title" />
      <ListCard
        id="deliveries-title"
        icon={OutboxOutlined}
        title={title}
        explanation={translate('vigie.decisions.deliveries.intro')}
        answer={answer}
        messages="vigie.decisions.deliveries"
        totalTestId="deliveries-total"
        toolbar={
          <ToggleButtonGroup
            exclusive
            size="small"
            value={filter}
            onChange={(_event, value: DeliveryFilter | null) => {
              if (value) {
                setFilter(value);
                setPage(0);
              }
            }}
            aria-label={translate('vigie.decisions.deliveries.filter_label')}
            sx={{ mt: 2 }}
          >
            {DELIVERY_FILTERS.map((value) => (
              <ToggleButton
                key={value}
                value={value}
                data-testid={`deliveries-filter-${value}`}
                sx={{ px: 2 }}
              >
                {translate(`vigie.decisions.deliveries.filters.${value}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        }
        errorKey="vigie.decisions.deliveries.load_failed"
        emptyKey={`vigie.decisions.deliveries.empty_${filter}`}
        emptyTestId="deliveries-empty"
        headingSpace={2}
        sx={{ mt: 1 }}
        table={(rows) => (
          <PagedTable
            label={title}
            columns={COLUMNS.map((column) => ({
              key: column,
              label: translate(`vigie.decisions.deliveries.fields.${column}`),
              sx: column === 'attempts' ? { textAlign: 'right' } : undefined,
            }))}
            paging={{
              total: rows.total,
              page,
              perPage: DELIVERIES_PER_PAGE,
              onPageChange: setPage,
              messages: 'vigie.decisions.deliveries',
            }}
          >
            {rows.data.map((delivery) => (
              <DeliveryRow key={delivery.id} delivery={delivery} onRetried={reload} api={api} />
            ))}
          </PagedTable>
        )}
      />
    </Box>
  );
};
