import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import { Box, Card, LinearProgress, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { StaffRole } from '@vigie/contracts';
import { useCallback, useState } from 'react';
import { useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { formatDate } from '../i18n/relativeTime';
import { canAccess } from '../permissions';
import { formatCount } from '../common/format';
import { CardHeading } from '../components/CardHeading';
import { CountTile } from './CountTile';
import { LegalHoldDialog } from './LegalHoldDialog';
import { LoadFailedAlert } from '../components/LoadFailedAlert';
import { PreviewTable } from './PreviewTable';
import { retentionApi } from './retentionApi';
import { daysFromNow } from './retentionFormat';
import { useApiData } from '../common/useApiData';

/** The horizons the DPO can look ahead to, in days. */
export const PREVIEW_PERIODS = [7, 30, 90] as const;
export const DEFAULT_PREVIEW_DAYS = 30;

interface PreviewCardProps {
  /** Bumped by the page when a run or a hold changed what is due. */
  version: number;
  onHoldChanged: () => void;
}

/** What the next runs will erase, before they do: totals, then the cases due, soonest first. */
export const PreviewCard = ({ version, onHoldChanged }: PreviewCardProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions<StaffRole[]>();
  const [days, setDays] = useState<number>(DEFAULT_PREVIEW_DAYS);
  const [holdCaseId, setHoldCaseId] = useState<string | null>(null);
  // `until` is taken when the call is made, so a reload looks as far ahead from the new now.
  const load = useCallback(() => retentionApi.preview(daysFromNow(days)), [days]);
  const { data: preview, error, isPending } = useApiData(load, version);
  const canHold = canAccess(permissions ?? [], 'legal_hold.manage');
  const title = translate('vigie.retention.preview.title', { days: formatCount(days, locale) });
  const count = (value: number, noun: string) => ({
    value: formatCount(value, locale),
    label: translate(`vigie.retention.preview.${noun}`, { smart_count: value }),
  });

  return (
    <Card component="section" aria-labelledby="retention-preview-title" sx={{ mb: 2, overflow: 'hidden' }}>
      <Box sx={{ p: 2.5, pb: preview && preview.cases.length > 0 ? 1.5 : 2.5 }}>
        <CardHeading
          id="retention-preview-title"
          icon={EventBusyOutlined}
          title={title}
          explanation={
            preview
              ? translate('vigie.retention.preview.explanation', {
                  date: formatDate(new Date(preview.until), locale),
                })
              : undefined
          }
          action={
            <ToggleButtonGroup
              exclusive
              size="small"
              value={days}
              onChange={(_event, value: number | null) => value !== null && setDays(value)}
              aria-label={translate('vigie.retention.preview.period_label')}
            >
              {PREVIEW_PERIODS.map((period) => (
                <ToggleButton key={period} value={period} sx={{ px: 1.5, whiteSpace: 'nowrap' }}>
                  {translate('vigie.retention.preview.days', { smart_count: period })}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          }
        />
        {error !== null && <LoadFailedAlert error={error} />}
        {isPending && <LinearProgress sx={{ mt: 2, borderRadius: 2 }} aria-hidden />}
        {preview && error === null && (
          <>
            <Stack
              direction="row"
              useFlexGap
              spacing={1.5}
              sx={{ mt: 2, flexWrap: 'wrap' }}
              data-testid="preview-totals"
            >
              <CountTile {...count(preview.totals.cases, 'cases')} testId="preview-total-cases" />
              <CountTile {...count(preview.totals.messages, 'messages')} testId="preview-total-messages" />
              <CountTile {...count(preview.totals.reports, 'reports')} testId="preview-total-reports" />
            </Stack>
            {preview.cases.length === 0 && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
                {translate('vigie.retention.preview.none')}
              </Typography>
            )}
            {preview.totals.cases > preview.cases.length && preview.cases.length > 0 && (
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1.5 }}>
                {translate('vigie.retention.preview.truncated', {
                  shown: formatCount(preview.cases.length, locale),
                  total: formatCount(preview.totals.cases, locale),
                })}
              </Typography>
            )}
          </>
        )}
      </Box>
      {preview && error === null && preview.cases.length > 0 && (
        <PreviewTable cases={preview.cases} label={title} onHold={canHold ? setHoldCaseId : undefined} />
      )}
      {holdCaseId && (
        <LegalHoldDialog
          change="place"
          caseId={holdCaseId}
          onClose={() => setHoldCaseId(null)}
          onDone={() => {
            setHoldCaseId(null);
            onHoldChanged();
          }}
        />
      )}
    </Card>
  );
};
