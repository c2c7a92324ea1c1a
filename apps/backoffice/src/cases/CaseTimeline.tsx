import AssignmentIndOutlined from '@mui/icons-material/AssignmentIndOutlined';
import AutoDeleteOutlined from '@mui/icons-material/AutoDeleteOutlined';
import BackHandOutlined from '@mui/icons-material/BackHandOutlined';
import BalanceOutlined from '@mui/icons-material/BalanceOutlined';
import CircleOutlined from '@mui/icons-material/CircleOutlined';
import CreateNewFolderOutlined from '@mui/icons-material/CreateNewFolderOutlined';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import ForumOutlined from '@mui/icons-material/ForumOutlined';
import GavelOutlined from '@mui/icons-material/GavelOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import HowToVoteOutlined from '@mui/icons-material/HowToVoteOutlined';
import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import NotesOutlined from '@mui/icons-material/NotesOutlined';
import PersonRemoveOutlined from '@mui/icons-material/PersonRemoveOutlined';
import RestartAltOutlined from '@mui/icons-material/RestartAltOutlined';
import SyncAltOutlined from '@mui/icons-material/SyncAltOutlined';
import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import ThumbDownAltOutlined from '@mui/icons-material/ThumbDownAltOutlined';
import ThumbUpAltOutlined from '@mui/icons-material/ThumbUpAltOutlined';
import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import type SvgIcon from '@mui/material/SvgIcon';
import { Box, Link as MuiLink, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { CaseEvent } from '@vigie/contracts';
import { Link, useTranslate } from 'react-admin';
import { RelativeDate } from '../components/RelativeDate';
import { type DescribedEvent, describeEvent, inOrder } from './timelineEvents';
import { SectionCard } from '../components/SectionCard';

const ICONS: Readonly<Record<DescribedEvent['kind'], typeof SvgIcon>> = {
  case_opened: CreateNewFolderOutlined,
  report_added: FlagOutlined,
  assigned: AssignmentIndOutlined,
  unassigned: PersonRemoveOutlined,
  claimed: BackHandOutlined,
  status_changed: SyncAltOutlined,
  note_added: NotesOutlined,
  decision_made: GavelOutlined,
  legal_hold_placed: LockOutlined,
  legal_hold_lifted: LockOpenOutlined,
  conversation_accessed: ForumOutlined,
  closed: TaskAltOutlined,
  reopened: RestartAltOutlined,
  retention_closed: AutoDeleteOutlined,
  decision: GavelOutlined,
  decision_proposed: HowToVoteOutlined,
  decision_approved: ThumbUpAltOutlined,
  decision_rejected: ThumbDownAltOutlined,
  appealed: BalanceOutlined,
  appeal_opened: BalanceOutlined,
  appeal_decided: VerifiedOutlined,
  other: CircleOutlined,
};

interface CaseTimelineProps {
  events: readonly CaseEvent[];
  /** Staff names by id, for the events that only record an id (assignments). */
  staffNames: ReadonlyMap<string, string>;
}

/** The case's story, oldest first: who did what, when. */
export const CaseTimeline = ({ events, staffNames }: CaseTimelineProps) => {
  const translate = useTranslate();
  const ordered = inOrder(events);
  return (
    <SectionCard
      title={translate('vigie.cases.sections.timeline')}
      icon={HistoryOutlined}
      count={events.length}
      testId="case-timeline"
    >
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {ordered.map((event, index) => {
          const described = describeEvent(event, staffNames);
          const Icon = ICONS[described.kind];
          const params = { ...described.params };
          if (typeof params.category === 'string')
            params.category = translate(`vigie.cases.categories.${params.category}`);
          if (typeof params.action === 'string')
            params.action = translate(`vigie.decisions.actions.${params.action}`, { _: params.action });
          // Reads of the conversation stand apart from the case's handling: the register's events.
          const tone = described.kind === 'conversation_accessed' ? 'secondary' : 'primary';
          const last = index === ordered.length - 1;
          return (
            <Box
              component="li"
              key={event.id}
              data-event-type={event.type}
              sx={{ display: 'flex', gap: 1.5, position: 'relative', pb: last ? 0 : 2 }}
            >
              {!last && (
                <Box
                  aria-hidden
                  sx={{
                    position: 'absolute',
                    left: 13,
                    top: 30,
                    bottom: 2,
                    width: '2px',
                    bgcolor: 'divider',
                  }}
                />
              )}
              <Box
                aria-hidden
                sx={(theme) => ({
                  flexShrink: 0,
                  width: 28,
                  height: 28,
                  borderRadius: '50%',
                  display: 'grid',
                  placeItems: 'center',
                  color: `${tone}.main`,
                  bgcolor: alpha(theme.palette[tone].main, 0.08),
                })}
              >
                <Icon sx={{ fontSize: 16 }} />
              </Box>
              <Box sx={{ minWidth: 0, pt: 0.25 }}>
                {/* A hold's reason is free text: a long word must wrap, not widen the card. */}
                <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                  {translate(described.messageKey, params)}
                </Typography>
                {described.link && (
                  <MuiLink component={Link} to={described.link.to} variant="body2" underline="hover">
                    {translate(described.link.labelKey)}
                  </MuiLink>
                )}
                <Stack
                  direction="row"
                  spacing={0.75}
                  sx={{ color: 'text.secondary', alignItems: 'baseline' }}
                >
                  <Typography variant="body2" color="text.secondary" component="span">
                    {event.actor?.name ?? translate('vigie.cases.timeline.by_platform')}
                  </Typography>
                  <Typography component="span" variant="body2" aria-hidden>
                    ·
                  </Typography>
                  <Box component="span" sx={{ '& time': { color: 'text.secondary' } }}>
                    <RelativeDate value={event.at} emptyText="" />
                  </Box>
                </Stack>
              </Box>
            </Box>
          );
        })}
      </Box>
    </SectionCard>
  );
};
