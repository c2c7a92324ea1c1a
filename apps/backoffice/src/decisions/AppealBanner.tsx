import ArrowForward from '@mui/icons-material/ArrowForward';
import BalanceOutlined from '@mui/icons-material/BalanceOutlined';
import { Alert, Box, Button, Card, Chip, Grid, Link as MuiLink, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { CaseDetail, StaffRole } from '@vigie/contracts';
import { useState } from 'react';
import { Link, useGetIdentity, useLocaleState, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { formatDateTime } from '../i18n/relativeTime';
import { AppealDialog } from './AppealDialog';
import { ACTION_COLOURS, ACTION_ICONS, DecisionActionChip } from './DecisionChips';
import { decideAccess, isOriginalDecider } from './decisionRules';
import type { AppealOutcome, DecisionsApi } from './decisionsApi';
import { StatementView } from './StatementView';

const APPEAL_COLOUR = '#1d5fa8';

type AppealCase = CaseDetail & { appeal: NonNullable<CaseDetail['appeal']> };

interface AppealBannerProps {
  record: CaseDetail;
  api?: DecisionsApi;
}

/**
 * On an appeal case, above all else: the decision contested, what the person says, and the two
 * ways out (uphold or overturn) for whoever may decide and did not take that decision.
 */
export const AppealBanner = ({ record, api }: AppealBannerProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<StaffRole[]>();
  const [outcome, setOutcome] = useState<AppealOutcome | null | undefined>(undefined);
  if (!record.appeal) return null;
  const appealCase = record as AppealCase;
  const { appeal } = appealCase;
  const selfId = identity ? String(identity.id) : undefined;
  const ownDecision = isOriginalDecider(record, selfId);
  const mayDecide = decideAccess(record, selfId, permissions ?? []) === 'decide' && !ownDecision;
  const decided = record.decisions.some(
    (decision) => decision.action === 'appeal_upheld' || decision.action === 'appeal_overturned',
  );
  return (
    <Card
      component="section"
      aria-label={translate('vigie.decisions.appeal.banner_title')}
      data-testid="appeal-banner"
      sx={{
        mb: 2.5,
        borderLeft: `6px solid ${APPEAL_COLOUR}`,
        bgcolor: alpha(APPEAL_COLOUR, 0.03),
        px: { xs: 2, md: 3 },
        py: 2.5,
      }}
    >
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 0.5 }}>
        <BalanceOutlined sx={{ color: APPEAL_COLOUR }} aria-hidden />
        <Typography component="h2" variant="h6" sx={{ color: APPEAL_COLOUR }}>
          {translate('vigie.decisions.appeal.banner_title')}
        </Typography>
        {decided && (
          <Chip size="small" variant="outlined" label={translate('vigie.decisions.appeal.decided')} />
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 860 }}>
        {translate('vigie.decisions.appeal.banner_intro')}
      </Typography>
      <Grid container spacing={2.5}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Box sx={{ p: 2, borderRadius: 2, bgcolor: 'background.paper', border: 1, borderColor: 'divider' }}>
            <Stack
              direction="row"
              spacing={1}
              useFlexGap
              sx={{ alignItems: 'center', flexWrap: 'wrap', justifyContent: 'space-between', mb: 1.5 }}
            >
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
                  {translate('vigie.decisions.appeal.appealed_decision')}
                </Typography>
                <DecisionActionChip
                  action={appeal.decision.action}
                  durationDays={appeal.decision.durationDays}
                />
              </Stack>
              <Typography variant="caption" color="text.secondary">
                {translate('vigie.decisions.appeal.decided_by', {
                  name: appeal.decision.decidedBy.name,
                  date: formatDateTime(new Date(appeal.decision.decidedAt), locale),
                })}
              </Typography>
            </Stack>
            <StatementView decision={appeal.decision} />
            <MuiLink
              component={Link}
              to={`/cases/${encodeURIComponent(appeal.decision.caseId)}/show`}
              underline="hover"
              variant="body2"
              sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mt: 1.5, fontWeight: 600 }}
            >
              {translate('vigie.decisions.appeal.original_case')}
              <ArrowForward sx={{ fontSize: 16 }} aria-hidden />
            </MuiLink>
          </Box>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Typography variant="subtitle2" sx={{ fontWeight: 700, mb: 1 }}>
            {translate('vigie.decisions.appeal.statement')}
          </Typography>
          {appeal.statement ? (
            <Box
              component="blockquote"
              data-testid="appeal-statement"
              sx={{
                m: 0,
                px: 1.75,
                py: 1.25,
                borderLeft: 3,
                borderColor: APPEAL_COLOUR,
                bgcolor: 'background.paper',
                borderRadius: '0 8px 8px 0',
                whiteSpace: 'pre-wrap',
                overflowWrap: 'anywhere',
              }}
            >
              <Typography variant="body2">{appeal.statement}</Typography>
            </Box>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
              {translate('vigie.decisions.appeal.no_statement')}
            </Typography>
          )}
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
            {translate('vigie.decisions.appeal.submitted', {
              user: appeal.appellantExternalId,
              date: formatDateTime(new Date(appeal.submittedAt), locale),
            })}
          </Typography>
        </Grid>
      </Grid>
      {ownDecision && record.status !== 'closed' && !decided && (
        <Alert severity="info" sx={{ mt: 2 }} data-testid="appeal-own-decision">
          {translate('vigie.decisions.appeal.own_decision')}
        </Alert>
      )}
      {mayDecide && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mt: 2.5 }}>
          {(['upheld', 'overturned'] as const).map((value) => {
            const action = value === 'upheld' ? 'appeal_upheld' : 'appeal_overturned';
            const Icon = ACTION_ICONS[action];
            return (
              <Button
                key={value}
                variant={value === 'upheld' ? 'contained' : 'outlined'}
                startIcon={<Icon />}
                onClick={() => setOutcome(value)}
                data-testid={value === 'upheld' ? 'appeal-uphold' : 'appeal-overturn'}
                sx={
                  value === 'overturned'
                    ? { color: ACTION_COLOURS[action], borderColor: ACTION_COLOURS[action] }
                    : {}
                }
              >
                {translate(
                  value === 'upheld' ? 'vigie.decisions.appeal.uphold' : 'vigie.decisions.appeal.overturn',
                )}
              </Button>
            );
          })}
        </Stack>
      )}
      {outcome !== undefined && (
        <AppealDialog
          record={appealCase}
          initialOutcome={outcome}
          onClose={() => setOutcome(undefined)}
          onDone={() => {
            setOutcome(undefined);
            refresh();
          }}
          api={api}
        />
      )}
    </Card>
  );
};
