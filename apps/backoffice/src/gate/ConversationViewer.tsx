import CloseOutlined from '@mui/icons-material/CloseOutlined';
import ForumOutlined from '@mui/icons-material/ForumOutlined';
import ShieldOutlined from '@mui/icons-material/ShieldOutlined';
import TimerOffOutlined from '@mui/icons-material/TimerOffOutlined';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  CircularProgress,
  Drawer,
  IconButton,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import {
  type CaseParticipant,
  type CaseReport,
  type GrantScopeSummary,
  MIN_JUSTIFICATION_LENGTH,
} from '@vigie/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslate } from 'react-admin';
import { IconBadge } from '../components/IconBadge';
import { ConversationThread } from './ConversationThread';
import { type GateApi, gateApi, type GateSession } from './gateApi';
import { GrantCountdown } from './GrantCountdown';
import { useGrantedConversation } from './useGrantedConversation';

interface ConversationViewerProps {
  /** The grant being read; null closes the viewer and forgets its messages. */
  session: GateSession | null;
  reports: readonly CaseReport[];
  participants: readonly CaseParticipant[];
  onClose: () => void;
  /** Asks for the whole conversation (a new grant, with its own justification). */
  onWiden: () => void;
  /** Asks for a new grant once this one expired. */
  onRequestAgain: () => void;
  api?: GateApi;
}

type PanelProps = Omit<ConversationViewerProps, 'session'> & { session: GateSession; titleId: string };

const ScopeSummary = ({ scope }: { scope: GrantScopeSummary }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" data-testid="gate-scope" data-scope={scope.kind}>
      {scope.kind === 'full'
        ? translate('vigie.gate.viewer.scope_full', { smart_count: scope.messageCount })
        : translate('vigie.gate.viewer.scope_context', {
            count: scope.messageCount,
            total: scope.conversationMessageCount,
          })}
    </Typography>
  );
};

const Centered = ({ children }: { children: ReactNode }) => (
  <Stack spacing={2} sx={{ alignItems: 'center', textAlign: 'center', py: 8, px: 3 }}>
    {children}
  </Stack>
);

/** One grant's messages; keyed by grant, so a new grant starts from nothing. */
const ConversationPanel = ({
  session,
  reports,
  participants,
  onClose,
  onWiden,
  onRequestAgain,
  api = gateApi,
  titleId,
}: PanelProps) => {
  const translate = useTranslate();
  const { state, remaining, retry } = useGrantedConversation(session.grant.grantId, session.deadline, api);
  const scope = state.status === 'ready' ? state.conversation.scope : session.grant.scope;
  const closeLabel = translate('vigie.gate.viewer.close');

  return (
    <>
      <Stack
        direction="row"
        spacing={1.5}
        sx={{
          alignItems: 'center',
          px: { xs: 2, sm: 3 },
          py: 2,
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
        }}
      >
        {/* On a phone the title needs the room. */}
        <Box sx={{ display: { xs: 'none', sm: 'block' } }}>
          <IconBadge size={40}>
            <ForumOutlined sx={{ fontSize: 22 }} />
          </IconBadge>
        </Box>
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Typography id={titleId} component="h2" variant="h6" sx={{ lineHeight: 1.3 }}>
            {translate('vigie.gate.viewer.title')}
          </Typography>
          <ScopeSummary scope={scope} />
        </Box>
        {state.status !== 'expired' && <GrantCountdown remaining={remaining} />}
        <Tooltip title={closeLabel}>
          <IconButton onClick={onClose} aria-label={closeLabel} data-testid="gate-close" edge="end">
            <CloseOutlined />
          </IconButton>
        </Tooltip>
      </Stack>

      <Box
        sx={{ flex: 1, overflowY: 'auto', bgcolor: 'background.default', px: { xs: 2, sm: 3 }, pb: 3 }}
        data-testid="gate-viewer-body"
      >
        {state.status === 'loading' && (
          <Centered>
            <CircularProgress size={28} />
            <Typography variant="body2" color="text.secondary">
              {translate('vigie.gate.viewer.loading')}
            </Typography>
          </Centered>
        )}

        {state.status === 'ready' && (
          <ConversationThread
            conversation={state.conversation}
            reports={reports}
            caseParticipants={participants}
            onWiden={state.conversation.scope.kind === 'context' ? onWiden : undefined}
          />
        )}

        {state.status === 'expired' && (
          <Centered>
            <Box
              sx={(theme) => ({
                width: 64,
                height: 64,
                borderRadius: '50%',
                display: 'grid',
                placeItems: 'center',
                color: 'warning.main',
                bgcolor: alpha(theme.palette.warning.main, 0.1),
              })}
            >
              <TimerOffOutlined sx={{ fontSize: 32 }} />
            </Box>
            <Typography component="p" variant="h6" data-testid="gate-expired">
              {translate('vigie.gate.viewer.expired')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 420 }}>
              {translate('vigie.gate.viewer.expired_body')}
            </Typography>
            <Stack direction="row" spacing={1}>
              <Button color="inherit" onClick={onClose}>
                {translate('vigie.gate.viewer.close_button')}
              </Button>
              <Button variant="contained" onClick={onRequestAgain}>
                {translate('vigie.gate.viewer.request_again')}
              </Button>
            </Stack>
          </Centered>
        )}

        {state.status === 'failed' && (
          <Box sx={{ pt: 3 }}>
            <Alert
              severity="error"
              data-testid="gate-viewer-error"
              data-reason={state.error.reason}
              data-cause={state.error.revocation}
              action={
                state.error.reason === undefined ? (
                  <Button color="inherit" size="small" onClick={retry}>
                    {translate('vigie.gate.viewer.retry')}
                  </Button>
                ) : undefined
              }
            >
              <AlertTitle>{translate('vigie.gate.viewer.failed')}</AlertTitle>
              {translate(state.error.message, { min: MIN_JUSTIFICATION_LENGTH })}
            </Alert>
          </Box>
        )}
      </Box>

      <Stack
        direction="row"
        spacing={1}
        sx={{
          alignItems: 'center',
          px: { xs: 2, sm: 3 },
          py: 1.25,
          borderTop: 1,
          borderColor: 'divider',
          color: 'text.secondary',
          bgcolor: 'background.paper',
        }}
      >
        <ShieldOutlined sx={{ fontSize: 16 }} aria-hidden />
        <Typography variant="caption">{translate('vigie.gate.viewer.register_notice')}</Typography>
      </Stack>
    </>
  );
};

/**
 * The reported conversation, beside the case page. Its messages live only while it is open
 * and the grant lasts: closing or running out of time removes them.
 */
export const ConversationViewer = ({ session, ...props }: ConversationViewerProps) => {
  const titleId = useId();
  return (
    <Drawer
      anchor="right"
      open={session !== null}
      // A stray click beside the panel must not throw away a justified access; Escape and the button close it.
      onClose={(_event, reason) => reason === 'escapeKeyDown' && props.onClose()}
      slotProps={{
        paper: {
          role: 'dialog',
          'aria-labelledby': titleId,
          sx: { width: { xs: '100%', sm: 640, lg: 760 }, display: 'flex', flexDirection: 'column' },
        },
      }}
      data-testid="gate-viewer"
    >
      {session && (
        <ConversationPanel key={session.grant.grantId} session={session} titleId={titleId} {...props} />
      )}
    </Drawer>
  );
};
