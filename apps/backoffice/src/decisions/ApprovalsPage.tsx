import ArrowForward from '@mui/icons-material/ArrowForward';
import HowToVoteOutlined from '@mui/icons-material/HowToVoteOutlined';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import { Alert, Box, Button, Card, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import type { Decision } from '@vigie/contracts';
import { useCallback, useState } from 'react';
import { Link, Title, useTranslate } from 'react-admin';
import { PersonAvatar } from '../components/PersonAvatar';
import { RelativeDate } from '../components/RelativeDate';
import { DecisionActionChip } from './DecisionChips';
import { type DecisionsApi, decisionsApi } from './decisionsApi';
import { ReviewButtons } from './ReviewButtons';
import { StatementView } from './StatementView';
import { errorMessageKey } from '../common/errorMessageKey';
import { MONOSPACE, shortId } from '../common/format';
import { useApiData } from '../common/useApiData';

const DAY = 24 * 60 * 60_000;

interface ProposalProps {
  decision: Decision;
  now: number;
  onReviewed: () => void;
  api: DecisionsApi;
}

/** One proposed sanction: what, by whom, since when, why; the case to read; approve or reject. */
const Proposal = ({ decision, now, onReviewed, api }: ProposalProps) => {
  const translate = useTranslate();
  const overdue = now - new Date(decision.decidedAt).getTime() > DAY;
  return (
    <Card
      component="article"
      data-testid="approval"
      data-decision={decision.id}
      sx={{ p: { xs: 2, md: 2.5 }, borderLeft: (theme) => `4px solid ${theme.palette.warning.main}` }}
    >
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={1.5}
        sx={{ justifyContent: 'space-between', alignItems: { md: 'center' }, mb: 2 }}
      >
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <DecisionActionChip action={decision.action} durationDays={decision.durationDays} size="medium" />
          <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
            <PersonAvatar name={decision.decidedBy.name} size={24} />
            <Typography variant="body2">
              {translate('vigie.decisions.approvals.proposed_by', { name: decision.decidedBy.name })}
            </Typography>
          </Stack>
          <Stack
            direction="row"
            spacing={0.5}
            sx={{ alignItems: 'center', color: overdue ? 'warning.main' : 'text.secondary' }}
            aria-label={translate('vigie.decisions.approvals.waiting_since')}
          >
            <ScheduleOutlined sx={{ fontSize: 16 }} aria-hidden />
            <Box component="span" sx={{ '& time': { color: 'inherit', fontWeight: overdue ? 700 : 400 } }}>
              <RelativeDate value={decision.decidedAt} emptyText="" />
            </Box>
          </Stack>
          {overdue && (
            <Chip size="small" color="warning" label={translate('vigie.decisions.approvals.overdue')} />
          )}
        </Stack>
        <Button
          component={Link}
          to={`/cases/${encodeURIComponent(decision.caseId)}/show`}
          variant="text"
          endIcon={<ArrowForward />}
          title={decision.caseId}
          data-testid="approval-case"
        >
          {translate('vigie.decisions.approvals.open_case')}
          <Box component="span" sx={{ ml: 1, fontFamily: MONOSPACE, fontSize: '0.8125rem', fontWeight: 400 }}>
            {shortId(decision.caseId)}
          </Box>
        </Button>
      </Stack>
      <StatementView decision={decision} />
      <Stack direction="row" sx={{ justifyContent: 'flex-end', mt: 2 }}>
        <ReviewButtons decision={decision} onReviewed={onReviewed} api={api} />
      </Stack>
    </Card>
  );
};

/**
 * The leads' queue of four-eyes approvals: heavy sanctions proposed by moderators, oldest
 * first, each with its statement of reasons, to approve or reject.
 */
export const ApprovalsPage = ({ api = decisionsApi }: { api?: DecisionsApi }) => {
  const translate = useTranslate();
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const load = useCallback(() => api.pending(), [api]);
  const { data, error, isPending } = useApiData(load, version);
  // Read once per load: how long each proposal has waited.
  const [now] = useState(() => Date.now());
  return (
    <Box sx={{ maxWidth: 1200, minWidth: 0, width: '100%' }}>
      <Title title="vigie.decisions.approvals.title" />
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        sx={{ mt: 1, mb: 2, justifyContent: 'space-between', alignItems: { sm: 'flex-end' } }}
      >
        <Box>
          <Typography component="h1" variant="h5">
            {translate('vigie.decisions.approvals.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 820 }}>
            {translate('vigie.decisions.approvals.intro')}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          {data && (
            <Typography
              variant="body2"
              sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}
              data-testid="approvals-total"
            >
              {translate('vigie.decisions.approvals.total', { smart_count: data.total })}
            </Typography>
          )}
          <Button size="small" startIcon={<RefreshOutlined />} onClick={reload} disabled={isPending}>
            {translate('vigie.decisions.approvals.reload')}
          </Button>
        </Stack>
      </Stack>
      {isPending && <LinearProgress sx={{ mb: 2, borderRadius: 2 }} aria-hidden />}
      {error !== null && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('vigie.decisions.approvals.load_failed', {
            message: translate(errorMessageKey(error), { _: errorMessageKey(error) }),
          })}
        </Alert>
      )}
      {data && data.data.length === 0 && error === null && (
        <Card sx={{ textAlign: 'center', py: 6, px: 3 }} data-testid="approvals-empty">
          <HowToVoteOutlined sx={{ fontSize: 44, color: 'primary.light' }} aria-hidden />
          <Typography variant="h6" sx={{ mt: 1 }}>
            {translate('vigie.decisions.approvals.empty_title')}
          </Typography>
          <Typography color="text.secondary" sx={{ mt: 0.5 }}>
            {translate('vigie.decisions.approvals.empty_body')}
          </Typography>
        </Card>
      )}
      {data && data.data.length > 0 && (
        <Stack spacing={2}>
          {data.data.map((decision) => (
            <Proposal key={decision.id} decision={decision} now={now} onReviewed={reload} api={api} />
          ))}
        </Stack>
      )}
    </Box>
  );
};
