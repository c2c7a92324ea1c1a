import ArrowBack from '@mui/icons-material/ArrowBack';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';
import { Box, Button, Card, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { STAFF_ROLES, type StaffRole } from '@vigie/contracts';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, Title, useLocaleState, useTranslate } from 'react-admin';
import { useParams } from 'react-router';
import { formatCount } from '../common/format';
import { useApiData } from '../common/useApiData';
import { AtCell } from '../components/AtCell';
import { CardHeading } from '../components/CardHeading';
import { LoadFailedAlert } from '../components/LoadFailedAlert';
import { RoleChips } from '../components/RoleChip';
import { AlertStatusChip } from './AlertStatusChip';
import { type AlertsApi, alertsApi } from './alertsApi';
import { EvidenceCell } from './EvidenceCell';

// The chart library is the heaviest part of this screen: it loads when the screen does, never before.
const ActivityChart = lazy(() => import('./ActivityChart'));

const PERIODS = [30, 90, 365] as const;
const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);
type Period = (typeof PERIODS)[number];
const DAY_MS = 86_400_000;

/** The end of today (UTC): the period's days end with today's. */
const endOfToday = (): Date => new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS);

/** One member of staff's use of the gate, day by day, with their alerts on the same timeline. For the DPO. */
export const StaffActivityPage = ({ api = alertsApi }: { api?: AlertsApi }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { id = '' } = useParams();
  const [period, setPeriod] = useState<Period>(30);
  const to = useMemo(endOfToday, []);
  const load = useCallback(() => api.activity(id, new Date(to.getTime() - period * DAY_MS), to), [api, id, period, to]);
  const { data, error, isPending } = useApiData(load);
  const totals = (data?.days ?? []).reduce(
    (sum, day) => ({ openings: sum.openings + day.openings, denials: sum.denials + day.denials, widenings: sum.widenings + day.widenings }),
    { openings: 0, denials: 0, widenings: 0 },
  );

  return (
    <Box sx={{ maxWidth: 1440, minWidth: 0, width: '100%' }}>
      <Title title="vigie.alerts.activity.page_title" />
      <Button component={Link} to="/alerts" size="small" startIcon={<ArrowBack />} sx={{ mb: 1 }}>
        {translate('vigie.alerts.activity.back')}
      </Button>
      <Card component="section" aria-labelledby="staff-activity-title" sx={{ p: 2.5 }}>
        <CardHeading
          id="staff-activity-title"
          icon={InsightsOutlined}
          title={data ? translate('vigie.alerts.activity.title', { name: data.staff.name }) : translate('vigie.alerts.activity.page_title')}
          explanation={translate('vigie.alerts.activity.intro')}
          action={
            <ToggleButtonGroup
              exclusive
              size="small"
              value={period}
              onChange={(_event, value: Period | null) => value && setPeriod(value)}
              aria-label={translate('vigie.alerts.activity.period')}
            >
              {PERIODS.map((days) => (
                <ToggleButton key={days} value={days} data-testid={`activity-period-${days}`} sx={{ px: 1.5 }}>
                  {translate(`vigie.alerts.activity.days_${days}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          }
        />
        {data && (
          <Stack direction="row" spacing={1} sx={{ mt: 1.5, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <RoleChips roles={data.staff.roles.filter(isStaffRole)} />
            {(['openings', 'widenings', 'denials'] as const).map((key) => (
              <Typography key={key} variant="body2" data-testid={`activity-total-${key}`} sx={{ ml: 1.5, fontWeight: 600 }}>
                {translate(`vigie.alerts.activity.totals.${key}`, { smart_count: totals[key], count: formatCount(totals[key], locale) })}
              </Typography>
            ))}
            <Typography variant="body2" data-testid="activity-total-alerts" sx={{ ml: 1.5, fontWeight: 600 }}>
              {translate('vigie.alerts.activity.totals.alerts', { smart_count: data.alerts.length, count: formatCount(data.alerts.length, locale) })}
            </Typography>
          </Stack>
        )}
        {error !== null && <LoadFailedAlert error={error} messageKey="vigie.alerts.activity.load_failed" />}
        {isPending && <LinearProgress sx={{ mt: 2, borderRadius: 2 }} aria-hidden />}
        {data && (
          <Box sx={{ mt: 2 }} data-testid="activity-chart" aria-label={translate('vigie.alerts.activity.chart_label')} role="figure">
            <Suspense fallback={<LinearProgress sx={{ borderRadius: 2 }} aria-hidden />}>
              <ActivityChart days={data.days} alerts={data.alerts} />
            </Suspense>
          </Box>
        )}
      </Card>
      {data && (
        <Card component="section" aria-labelledby="staff-activity-alerts" sx={{ mt: 2.5 }}>
          <Box sx={{ p: 2.5, pb: 1 }}>
            <Typography id="staff-activity-alerts" component="h2" variant="subtitle1">
              {translate('vigie.alerts.activity.alerts_title')}
            </Typography>
            {data.alerts.length === 0 && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1, mb: 1.5 }} data-testid="activity-no-alerts">
                {translate('vigie.alerts.activity.no_alerts')}
              </Typography>
            )}
          </Box>
          {data.alerts.length > 0 && (
            <Table size="small" aria-labelledby="staff-activity-alerts">
              <TableHead>
                <TableRow>
                  {(['opened', 'rule', 'evidence', 'status'] as const).map((column) => (
                    <TableCell key={column}>{translate(`vigie.alerts.fields.${column}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.alerts.map((alert) => (
                  <TableRow key={alert.id} data-testid={`activity-alert-${alert.id}`}>
                    <TableCell>
                      <AtCell at={alert.openedAt} />
                    </TableCell>
                    <TableCell>{translate(`vigie.alerts.rules.${alert.rule}`)}</TableCell>
                    <TableCell>
                      <EvidenceCell sequences={alert.evidence.sequences} />
                    </TableCell>
                    <TableCell>
                      <AlertStatusChip status={alert.status} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
      )}
    </Box>
  );
};
