import ArrowBack from '@mui/icons-material/ArrowBack';
import AutoDeleteOutlined from '@mui/icons-material/AutoDeleteOutlined';
import GavelOutlined from '@mui/icons-material/GavelOutlined';
import {
  Alert,
  AlertTitle,
  Box,
  Card,
  Chip,
  Grid,
  IconButton,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import type { CaseDetail, CaseListItem, StaffRole } from '@vigie/contracts';
import type { ComponentType } from 'react';
import {
  type Identifier,
  Link,
  Loading,
  ShowBase,
  Title,
  useGetIdentity,
  useLocaleState,
  usePermissions,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { Fact } from '../components/Fact';
import { RelativeDate } from '../components/RelativeDate';
import { formatDateTime } from '../i18n/relativeTime';
import { canAccess } from '../permissions';
import { AssignButton, ClaimButton, isWorkable } from './CaseAssignment';
import { CaseStatusChip, CategoryChips } from '../components/CaseChips';
import { priorityColours } from '../common/caseColours';
import { priorityLevel } from '../common/casePriority';
import { CaseParticipants } from './CaseParticipants';
import { CaseReports } from './CaseReports';
import { CaseTimeline } from './CaseTimeline';
import { AppealChip } from '../components/AppealChip';
import { AssigneeLabel } from '../components/PeopleLabels';
import { PriorityBadge } from './PriorityBadge';
import { RestrictedBanner } from './RestrictedBanner';
import { useAssignees } from '../common/assignees';

type AnyCase = CaseListItem | CaseDetail;

/**
 * What other domains show on the case page: deciding, notes, the user's record, the legal hold,
 * the conversation. The app root wires them (app/CaseShowPage.tsx), so cases imports no sibling domain.
 */
export interface CasePageSlots {
  /** Before claim and assign: deciding, closing, reopening (the case's details are loaded). */
  DecisionActions?: ComponentType<{ record: CaseDetail }>;
  /** After claim and assign: placing or lifting a legal hold. */
  HoldAction?: ComponentType<{ record: AnyCase }>;
  /** Below the actions: asking to read the conversation. */
  ConversationAction?: ComponentType<{ record: AnyCase }>;
  /** Above the cards: an appeal waiting for its outcome. */
  Banner?: ComponentType<{ record: CaseDetail }>;
  /** The main column, before the reports (the decisions) and after them (the notes). */
  BeforeReports?: ComponentType<{ record: CaseDetail }>;
  AfterReports?: ComponentType<{ record: CaseDetail }>;
  /** The side column, before the timeline (the reported user's record). */
  BeforeTimeline?: ComponentType<{ record: CaseDetail }>;
}

const CaseActions = ({ record, slots }: { record: AnyCase; slots: CasePageSlots }) => {
  const { DecisionActions, HoldAction, ConversationAction } = slots;
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<StaffRole[]>();
  const roles = permissions ?? [];
  const mine = record.assignee !== null && record.assignee.id === String(identity?.id);
  const workable = isWorkable(record);
  const detail = isCaseDetail(record) ? record : undefined;
  return (
    <Stack spacing={1.5} sx={{ alignItems: { xs: 'stretch', md: 'flex-end' } }}>
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ flexWrap: 'wrap', justifyContent: { md: 'flex-end' } }}
      >
        {detail && DecisionActions && <DecisionActions record={detail} />}
        {workable && !record.assignee && canAccess(roles, 'queue.view') && <ClaimButton record={record} />}
        {workable && canAccess(roles, 'case.assign') && <AssignButton record={record} />}
        {HoldAction && <HoldAction record={record} />}
      </Stack>
      {workable && mine && (
        <Chip
          color="success"
          variant="outlined"
          label={translate('vigie.cases.yours')}
          data-testid="case-is-mine"
        />
      )}
      {workable && record.assignee && !mine && !canAccess(roles, 'case.assign') && (
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 300, textAlign: { md: 'right' } }}>
          {translate('vigie.cases.taken_by', { name: record.assignee.name })}
        </Typography>
      )}
      {ConversationAction && canAccess(roles, 'conversation.open') && <ConversationAction record={record} />}
    </Stack>
  );
};

const CaseHeader = ({ record, slots }: { record: CaseListItem & Partial<CaseDetail>; slots: CasePageSlots }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  const level = priorityLevel(record.priority, record.categories);
  const hold = record.legalHoldDetail;
  const who = record.reportedUser?.displayName ?? record.reportedUser?.externalId;
  const back = translate('vigie.cases.back_to_queue');
  return (
    <Card
      sx={{
        mb: 2.5,
        borderLeft: `6px solid ${priorityColours[level]}`,
        px: { xs: 2, md: 3 },
        py: 2.5,
      }}
      data-testid="case-header"
    >
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ justifyContent: 'space-between' }}>
        <Box sx={{ minWidth: 0 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Tooltip title={back}>
              <IconButton component={Link} to="/cases" aria-label={back} size="small" sx={{ ml: -0.75 }}>
                <ArrowBack fontSize="small" />
              </IconButton>
            </Tooltip>
            <Typography component="h1" variant="h5">
              {who ? translate('vigie.cases.case_about', { name: who }) : translate('vigie.cases.case')}
            </Typography>
          </Stack>
          <Stack
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 1.5 }}
          >
            <PriorityBadge priority={record.priority} categories={record.categories} size="medium" />
            <CaseStatusChip status={record.status} />
            {record.appealOfDecisionId && <AppealChip />}
            <CategoryChips categories={record.categories} />
            {record.legalHold && (
              // Why and by whom the case is kept: on hover or focus of the chip.
              <Tooltip
                describeChild
                title={
                  hold ? (
                    <>
                      {hold.reason !== null && (
                        <Box component="span" sx={{ display: 'block', fontWeight: 600 }}>
                          {translate('vigie.retention.case.hold_reason', { reason: hold.reason })}
                        </Box>
                      )}
                      <Box component="span" sx={{ display: 'block' }}>
                        {hold.placedBy
                          ? translate('vigie.retention.case.hold_by', {
                              name: hold.placedBy.name,
                              date: formatDateTime(new Date(hold.placedAt), locale),
                            })
                          : translate('vigie.retention.case.hold_on', {
                              date: formatDateTime(new Date(hold.placedAt), locale),
                            })}
                      </Box>
                    </>
                  ) : (
                    ''
                  )
                }
              >
                <Chip
                  size="small"
                  icon={<GavelOutlined />}
                  label={translate('vigie.cases.legal_hold')}
                  variant="outlined"
                  tabIndex={hold ? 0 : undefined}
                  data-testid="legal-hold-chip"
                />
              </Tooltip>
            )}
          </Stack>
          <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', columnGap: 4, rowGap: 1.5, mt: 2.5 }}>
            <Fact valueHeight={24} label={translate('vigie.cases.fields.age')}>
              <RelativeDate value={record.createdAt} emptyText="" />
            </Fact>
            <Fact valueHeight={24} label={translate('vigie.cases.fields.last_activity')}>
              <RelativeDate value={record.lastActivityAt} emptyText="" />
            </Fact>
            <Fact valueHeight={24} label={translate('vigie.cases.fields.reports')}>
              <Typography variant="body2">
                {translate('vigie.cases.reports_by', {
                  smart_count: record.reportCount,
                  reporters: translate('vigie.cases.reporters', { smart_count: record.reporterCount }),
                })}
              </Typography>
            </Fact>
            <Fact valueHeight={24} label={translate('vigie.cases.fields.assignee')}>
              <Box data-testid="case-assignee">
                <AssigneeLabel assignee={record.assignee} selfId={identity?.id} />
              </Box>
            </Fact>
            {record.conversationExternalId && (
              <Fact valueHeight={24} label={translate('vigie.cases.fields.conversation')}>
                <Typography
                  variant="body2"
                  sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
                >
                  {record.conversationExternalId}
                </Typography>
              </Fact>
            )}
          </Stack>
        </Box>
        <CaseActions record={record} slots={slots} />
      </Stack>
      {record.restricted && <RestrictedBanner sx={{ mt: 2 }} />}
    </Card>
  );
};

/** Coming from the queue, react-admin first shows the list's row: a case without its details yet. */
export const isCaseDetail = (record: CaseListItem | CaseDetail | undefined): record is CaseDetail =>
  record !== undefined &&
  'timeline' in record &&
  Array.isArray(record.timeline) &&
  Array.isArray(record.reports);

const CaseBody = ({ slots }: { slots: CasePageSlots }) => {
  const { Banner, BeforeReports, AfterReports, BeforeTimeline } = slots;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { record, isPending, error } = useShowContext<CaseListItem | CaseDetail>();
  const detail = isCaseDetail(record) ? record : undefined;
  // Assignment events record only the assignee's id: the assignees list names them.
  const needsNames = detail?.timeline.some((event) => event.type === 'assigned') ?? false;
  const { assignees } = useAssignees(needsNames);
  if (error) {
    return (
      <Alert severity="error">
        {translate(error instanceof Error ? error.message : 'vigie.errors.not_found')}
      </Alert>
    );
  }
  if (isPending || !record) return <Loading />;
  const staffNames = new Map(assignees.map((assignee) => [assignee.id, assignee.name]));
  if (record.assignee) staffNames.set(record.assignee.id, record.assignee.name);
  return (
    <>
      <CaseHeader record={record} slots={slots} />
      {detail?.dataPurgedAt && (
        <Alert severity="info" icon={<AutoDeleteOutlined />} sx={{ mb: 2.5 }} data-testid="case-purged">
          <AlertTitle sx={{ fontWeight: 700 }}>
            {translate('vigie.retention.case.purged', {
              date: formatDateTime(new Date(detail.dataPurgedAt), locale),
            })}
          </AlertTitle>
          {translate('vigie.retention.case.purged_body')}
        </Alert>
      )}
      {detail && Banner && <Banner record={detail} />}
      {!detail ? (
        <Loading />
      ) : (
        <Grid container spacing={2.5}>
          <Grid size={{ xs: 12, lg: 7 }}>
            <Stack spacing={2.5}>
              {BeforeReports && <BeforeReports record={detail} />}
              <CaseReports reports={detail.reports} />
              {AfterReports && <AfterReports record={detail} />}
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, lg: 5 }}>
            <Stack spacing={2.5}>
              {BeforeTimeline && <BeforeTimeline record={detail} />}
              <CaseTimeline events={detail.timeline} staffNames={staffNames} />
              <CaseParticipants participants={detail.participants} reports={detail.reports} />
            </Stack>
          </Grid>
        </Grid>
      )}
    </>
  );
};

/** A case: what was reported, by whom, what happened since, and taking it on. */
export const CaseShow = ({ id, slots = {} }: { id?: Identifier; slots?: CasePageSlots }) => (
  <ShowBase resource="cases" id={id}>
    <Box sx={{ maxWidth: 1440, mt: 1 }}>
      <Title title="vigie.cases.case" />
      <CaseBody slots={slots} />
    </Box>
  </ShowBase>
);
