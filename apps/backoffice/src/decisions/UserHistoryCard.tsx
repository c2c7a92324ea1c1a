import PersonSearchOutlined from '@mui/icons-material/PersonSearchOutlined';
import TrendingUpOutlined from '@mui/icons-material/TrendingUpOutlined';
import { Alert, AlertTitle, Box, LinearProgress, Link as MuiLink, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { REPORT_CATEGORIES, type ReportCategory, type UserHistory } from '@vigie/contracts';
import { useCallback } from 'react';
import { type Identifier, Link, useLocaleState, useTranslate } from 'react-admin';
import { errorMessageKey } from '../common/errorMessageKey';
import { useApiData } from '../common/useApiData';
import { formatDate } from '../i18n/relativeTime';
import { CaseStatusChip, CategoryChips } from '../components/CaseChips';
import { SectionCard } from '../components/SectionCard';
import { DecisionActionChip, DecisionStateChip } from './DecisionChips';
import { PATTERN_THRESHOLD } from './decisionRules';
import { type DecisionsApi, decisionsApi } from './decisionsApi';

const SHOWN_CASES = 8;

const isCategory = (value: string): value is ReportCategory =>
  (REPORT_CATEGORIES as readonly string[]).includes(value);

const CountTile = ({
  label,
  value,
  alarm,
  testId,
}: {
  label: string;
  value: number;
  alarm: boolean;
  testId: string;
}) => (
  <Box
    sx={(theme) => ({
      flex: 1,
      px: 1.5,
      py: 1,
      borderRadius: 2,
      border: '1px solid',
      borderColor: alarm ? alpha(theme.palette.error.main, 0.4) : 'divider',
      bgcolor: alarm ? alpha(theme.palette.error.main, 0.05) : 'background.default',
    })}
  >
    <Typography
      variant="h5"
      component="p"
      data-testid={testId}
      sx={{
        fontVariantNumeric: 'tabular-nums',
        color: alarm ? 'error.main' : value > 0 ? 'text.primary' : 'text.secondary',
      }}
    >
      {value}
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
  </Box>
);

const PastCase = ({ item }: { item: UserHistory['cases'][number] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const date = item.createdAt ? formatDate(new Date(item.createdAt), locale) : '';
  return (
    <Box component="li" data-testid="history-case" data-case={item.caseId} sx={{ py: 1.25 }}>
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 0.75 }}
      >
        <MuiLink
          component={Link}
          to={`/cases/${encodeURIComponent(item.caseId)}/show`}
          underline="hover"
          variant="body2"
          sx={{ fontWeight: 600 }}
          aria-label={translate('vigie.decisions.history.open_case', { date })}
        >
          {translate('vigie.decisions.history.opened', { date })}
        </MuiLink>
        <CaseStatusChip status={item.status} />
      </Stack>
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <CategoryChips categories={item.categories.filter(isCategory)} max={2} />
        {item.decisions.length === 0 ? (
          <Typography variant="caption" color="text.secondary" sx={{ fontStyle: 'italic', ml: 0.5 }}>
            {translate('vigie.decisions.history.no_decision')}
          </Typography>
        ) : (
          item.decisions.map((decision) => (
            <Stack key={`${decision.decidedAt}-${decision.action}`} direction="row" spacing={0.5}>
              <DecisionActionChip action={decision.action} />
              {decision.state !== 'effective' && <DecisionStateChip state={decision.state} />}
            </Stack>
          ))
        )}
      </Stack>
    </Box>
  );
};

interface UserHistoryCardProps {
  caseId: Identifier;
  /** The case's version: its record is read again when the case changes. */
  version: number;
  api?: DecisionsApi;
}

/** The reported user's record: their other cases, what was decided, and whether it is a pattern. */
export const UserHistoryCard = ({ caseId, version, api = decisionsApi }: UserHistoryCardProps) => {
  const translate = useTranslate();
  const load = useCallback(() => api.history(caseId), [api, caseId]);
  const { data, error, isPending } = useApiData(load, version);
  const pattern = data !== null && data.actionedLast12Months >= PATTERN_THRESHOLD;
  return (
    <SectionCard
      title={translate('vigie.decisions.history.title')}
      icon={PersonSearchOutlined}
      count={data?.cases.length}
      testId="user-history"
    >
      <Typography variant="body2" color="text.secondary" sx={{ mt: -0.5, mb: 1.5 }}>
        {translate('vigie.decisions.history.intro')}
      </Typography>
      {isPending && data === null && <LinearProgress sx={{ borderRadius: 2 }} aria-hidden />}
      {error !== null && data === null && (
        <Alert severity="warning">
          {translate('vigie.decisions.history.unavailable', {
            message: translate(errorMessageKey(error), { _: errorMessageKey(error) }),
          })}
        </Alert>
      )}
      {data && data.user === null && (
        <Typography variant="body2" color="text.secondary">
          {translate('vigie.decisions.history.unknown_user')}
        </Typography>
      )}
      {data && data.user !== null && (
        <Stack spacing={1.5} data-pattern={pattern}>
          {pattern && (
            <Alert severity="error" icon={<TrendingUpOutlined />} data-testid="history-pattern">
              <AlertTitle sx={{ fontWeight: 700, mb: 0.25 }}>
                {translate('vigie.decisions.history.pattern_title')}
              </AlertTitle>
              {translate('vigie.decisions.history.pattern_body', { smart_count: data.actionedLast12Months })}
            </Alert>
          )}
          <Stack direction="row" spacing={1}>
            <CountTile
              label={translate('vigie.decisions.history.last_6')}
              value={data.actionedLast6Months}
              alarm={pattern && data.actionedLast6Months > 0}
              testId="history-6-months"
            />
            <CountTile
              label={translate('vigie.decisions.history.last_12')}
              value={data.actionedLast12Months}
              alarm={pattern}
              testId="history-12-months"
            />
          </Stack>
          {data.cases.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('vigie.decisions.history.none')}
            </Typography>
          ) : (
            <Box>
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                {translate('vigie.decisions.history.cases')}
              </Typography>
              <Box
                component="ul"
                sx={{
                  listStyle: 'none',
                  m: 0,
                  p: 0,
                  '& > li + li': { borderTop: 1, borderColor: 'divider' },
                }}
              >
                {data.cases.slice(0, SHOWN_CASES).map((item) => (
                  <PastCase key={item.caseId} item={item} />
                ))}
              </Box>
              {data.cases.length > SHOWN_CASES && (
                <Typography variant="caption" color="text.secondary">
                  {translate('vigie.decisions.history.more', {
                    smart_count: data.cases.length - SHOWN_CASES,
                  })}
                </Typography>
              )}
            </Box>
          )}
        </Stack>
      )}
    </SectionCard>
  );
};
