import ArrowForward from '@mui/icons-material/ArrowForward';
import NotificationImportantOutlined from '@mui/icons-material/NotificationImportantOutlined';
import { Box, Button, Card, LinearProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useCallback } from 'react';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { formatCount, formatInstant } from '../common/format';
import { useApiData } from '../common/useApiData';
import { CardHeading } from '../components/CardHeading';
import { LoadFailedAlert } from '../components/LoadFailedAlert';
import { staffActivityPath } from './AlertsPage';
import { type AlertsApi, alertsApi } from './alertsApi';

const SHOWN = 5;

/** The DPO's dashboard: the newest open alerts, and the way to all of them. */
export const OpenAlertsCard = ({ api = alertsApi }: { api?: AlertsApi }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const load = useCallback(() => api.list(1, SHOWN, { status: 'open' }), [api]);
  const { data, error, isPending } = useApiData(load);
  return (
    <Card component="section" aria-labelledby="open-alerts-title" sx={{ p: 2.5, mb: 2.5 }} data-testid="open-alerts-card">
      <CardHeading
        id="open-alerts-title"
        icon={NotificationImportantOutlined}
        title={translate('vigie.alerts.dashboard.title')}
        explanation={translate('vigie.alerts.dashboard.intro')}
        action={
          data && (
            <Typography variant="body2" sx={{ fontWeight: 600 }} color={data.total > 0 ? 'error' : 'text.secondary'} data-testid="open-alerts-total">
              {translate('vigie.alerts.dashboard.total', { smart_count: data.total, count: formatCount(data.total, locale) })}
            </Typography>
          )
        }
      />
      {error !== null && <LoadFailedAlert error={error} messageKey="vigie.alerts.load_failed" />}
      {isPending && !data && <LinearProgress sx={{ mt: 2, borderRadius: 2 }} aria-hidden />}
      {data && data.data.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }} data-testid="open-alerts-none">
          {translate('vigie.alerts.empty_open')}
        </Typography>
      )}
      {data && data.data.length > 0 && (
        <List dense disablePadding sx={{ mt: 1 }}>
          {data.data.map((alert) => (
            <ListItem key={alert.id} disableGutters divider data-testid={`open-alert-${alert.id}`}>
              <ListItemText
                primary={translate(`vigie.alerts.rules.${alert.rule}`)}
                secondary={
                  <>
                    {alert.staffId === null ? (
                      translate('vigie.alerts.system')
                    ) : (
                      <Link to={staffActivityPath(alert.staffId)}>{alert.staffName ?? alert.staffId}</Link>
                    )}
                    {' · '}
                    {formatInstant(new Date(alert.openedAt), locale)}
                  </>
                }
                slotProps={{ primary: { sx: { fontWeight: 600 } } }}
              />
            </ListItem>
          ))}
        </List>
      )}
      <Box sx={{ mt: 1.5 }}>
        <Button component={Link} to="/alerts" size="small" variant="outlined" endIcon={<ArrowForward fontSize="small" />}>
          {translate('vigie.alerts.dashboard.see_all')}
        </Button>
      </Box>
    </Card>
  );
};
