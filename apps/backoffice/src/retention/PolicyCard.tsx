import PolicyOutlined from '@mui/icons-material/PolicyOutlined';
import { Box, Card, Divider, LinearProgress, Typography } from '@mui/material';
import type { RetentionPolicy } from '@vigie/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../i18n/relativeTime';
import { formatCount } from '../common/format';
import { CardHeading } from '../components/CardHeading';
import { Fact } from '../components/Fact';
import { LoadFailedAlert } from '../components/LoadFailedAlert';
import { formatPeriod } from './retentionFormat';

interface PolicyCardProps {
  policy: RetentionPolicy | null;
  error: unknown;
}

/** The rule in force in one sentence, then when and how it is applied. */
export const PolicyCard = ({ policy, error }: PolicyCardProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dateTime = (value: string) => formatDateTime(new Date(value), locale);

  const statement = (() => {
    if (!policy) return null;
    const words = formatPeriod(policy.period, translate, locale);
    // A period Vigie cannot put in words is shown as configured, never reinterpreted.
    return words
      ? translate('vigie.retention.policy.statement', { period: words })
      : translate('vigie.retention.policy.statement_raw', { period: policy.period });
  })();

  const frequency = (hours: number) => {
    if (hours <= 0) return translate('vigie.retention.policy.manual_only');
    if (hours === 24) return translate('vigie.retention.policy.every_day');
    return translate('vigie.retention.policy.every_hours', { smart_count: hours });
  };

  return (
    <Card component="section" aria-labelledby="retention-policy-title" sx={{ flex: 2, minWidth: 0 }}>
      <Box sx={{ p: 2.5 }}>
        <CardHeading
          id="retention-policy-title"
          icon={PolicyOutlined}
          title={translate('vigie.retention.policy.title')}
        />
        {error !== null && !policy && <LoadFailedAlert error={error} />}
        {error === null && !policy && <LinearProgress sx={{ mt: 2, borderRadius: 2 }} />}
        {policy && (
          <>
            <Typography
              component="p"
              variant="h6"
              data-testid="retention-statement"
              sx={{ mt: 2, lineHeight: 1.35 }}
            >
              {statement}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.75 }}>
              {translate('vigie.retention.policy.explanation')}
            </Typography>
            <Divider sx={{ my: 2 }} />
            <Box
              sx={{
                display: 'grid',
                gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' },
                columnGap: 3,
                rowGap: 1.5,
              }}
            >
              <Fact strong label={translate('vigie.retention.policy.next_run')} testId="retention-next-run">
                {policy.nextRunAt && policy.scheduleHours > 0
                  ? dateTime(policy.nextRunAt)
                  : translate('vigie.retention.policy.no_schedule')}
              </Fact>
              <Fact strong label={translate('vigie.retention.policy.frequency')}>
                {frequency(policy.scheduleHours)}
              </Fact>
              <Fact strong label={translate('vigie.retention.policy.batch_size')} testId="retention-batch-size">
                {translate('vigie.retention.policy.batch_value', {
                  smart_count: policy.batchSize,
                  count: formatCount(policy.batchSize, locale),
                })}
              </Fact>
              <Fact strong label={translate('vigie.retention.policy.cutoff')}>
                {translate('vigie.retention.policy.cutoff_value', { date: dateTime(policy.cutoffNow) })}
              </Fact>
            </Box>
          </>
        )}
      </Box>
    </Card>
  );
};
