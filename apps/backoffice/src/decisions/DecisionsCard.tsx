import GavelOutlined from '@mui/icons-material/GavelOutlined';
import HourglassTopOutlined from '@mui/icons-material/HourglassTopOutlined';
import { Box, Divider, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { Decision, StaffRole } from '@vigie/contracts';
import { Fragment } from 'react';
import { usePermissions, useRefresh, useTranslate } from 'react-admin';
import { PersonAvatar } from '../components/PersonAvatar';
import { RelativeDate } from '../components/RelativeDate';
import { canAccess } from '../permissions';
import { SectionCard } from '../components/SectionCard';
import { DecisionActionChip, DecisionStateChip } from './DecisionChips';
import type { DecisionsApi } from './decisionsApi';
import { ReviewButtons } from './ReviewButtons';
import { StatementView } from './StatementView';

const Byline = ({ name, at }: { name: string; at: string }) => (
  <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', color: 'text.secondary' }}>
    <PersonAvatar name={name} size={22} />
    <Typography component="span" variant="body2" sx={{ color: 'text.primary' }}>
      {name}
    </Typography>
    <Typography component="span" variant="body2" aria-hidden>
      ·
    </Typography>
    <Box component="span" sx={{ '& time': { color: 'text.secondary' } }}>
      <RelativeDate value={at} emptyText="" />
    </Box>
  </Stack>
);

interface DecisionItemProps {
  decision: Decision;
  /** Whether the viewer may approve or reject it (a lead, and the decision is pending). */
  reviewable: boolean;
  onReviewed: () => void;
  api?: DecisionsApi;
}

/** One decision: what, on which clause, why, by whom and when; and where it stands. */
export const DecisionItem = ({ decision, reviewable, onReviewed, api }: DecisionItemProps) => {
  const translate = useTranslate();
  const pending = decision.state === 'pending_approval';
  return (
    <Box
      component="article"
      data-testid="decision"
      data-decision={decision.id}
      data-state={decision.state}
      sx={(theme) => ({
        py: 2,
        ...(pending
          ? {
              px: 2,
              my: 1,
              borderRadius: 2,
              border: `1px solid ${alpha(theme.palette.warning.main, 0.4)}`,
              bgcolor: alpha(theme.palette.warning.main, 0.04),
            }
          : {}),
        ...(decision.state === 'rejected' ? { opacity: 0.8 } : {}),
      })}
    >
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1}
        sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 1.5 }}
      >
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <DecisionActionChip action={decision.action} durationDays={decision.durationDays} size="medium" />
          <DecisionStateChip state={decision.state} />
        </Stack>
        <Byline name={decision.decidedBy.name} at={decision.decidedAt} />
      </Stack>
      <StatementView decision={decision} />
      {decision.reviewedBy && decision.reviewedAt && (
        <Box sx={{ mt: 1.5 }} data-testid="decision-review">
          <Stack direction="row" spacing={0.75} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate(
                decision.state === 'rejected'
                  ? 'vigie.decisions.list.rejected_by'
                  : 'vigie.decisions.list.approved_by',
                { name: decision.reviewedBy.name },
              )}
            </Typography>
            <Typography component="span" variant="body2" color="text.secondary" aria-hidden>
              ·
            </Typography>
            <Box component="span" sx={{ '& time': { color: 'text.secondary' } }}>
              <RelativeDate value={decision.reviewedAt} emptyText="" />
            </Box>
          </Stack>
          {decision.reviewNote && (
            <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic', mt: 0.25 }}>
              {translate('vigie.decisions.list.review_note', { note: decision.reviewNote })}
            </Typography>
          )}
        </Box>
      )}
      {pending && (
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={1.5}
          sx={{ mt: 2, alignItems: { sm: 'center' }, justifyContent: 'space-between' }}
        >
          <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', color: 'warning.main' }}>
            <HourglassTopOutlined sx={{ fontSize: 18 }} aria-hidden />
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate('vigie.decisions.list.waiting_lead')}
            </Typography>
          </Stack>
          {reviewable && <ReviewButtons decision={decision} onReviewed={onReviewed} api={api} />}
        </Stack>
      )}
    </Box>
  );
};

interface DecisionsCardProps {
  decisions: readonly Decision[];
  api?: DecisionsApi;
}

/** The case's decisions, the latest first, with approval for leads when one waits. */
export const DecisionsCard = ({ decisions, api }: DecisionsCardProps) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { permissions } = usePermissions<StaffRole[]>();
  const mayApprove = canAccess(permissions ?? [], 'decision.approve');
  const latestFirst = [...decisions].sort(
    (a, b) => new Date(b.decidedAt).getTime() - new Date(a.decidedAt).getTime(),
  );
  return (
    <SectionCard
      title={translate('vigie.decisions.list.title')}
      icon={GavelOutlined}
      count={decisions.length}
      testId="case-decisions"
    >
      {latestFirst.map((decision, index) => (
        <Fragment key={decision.id}>
          {index > 0 && decision.state !== 'pending_approval' && <Divider />}
          <DecisionItem
            decision={decision}
            reviewable={mayApprove && decision.state === 'pending_approval'}
            onReviewed={refresh}
            api={api}
          />
        </Fragment>
      ))}
    </SectionCard>
  );
};
