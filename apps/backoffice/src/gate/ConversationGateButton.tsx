import ForumOutlined from '@mui/icons-material/ForumOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import { Box, Button, Stack, Tooltip, Typography } from '@mui/material';
import type { CaseDetail, CaseListItem, GrantScope, StaffRole } from '@vigie/contracts';
import { useState } from 'react';
import { useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { AccessRequestDialog } from './AccessRequestDialog';
import { ConversationViewer } from './ConversationViewer';
import { type GateApi, gateApi, type GateSession } from './gateApi';
import { gateVerdict, hasCaseDetails } from './gateRules';

interface ConversationGateButtonProps {
  /** The case; its reports arrive with its details, until then the button waits. */
  record: CaseListItem | CaseDetail;
  api?: GateApi;
}

interface AccessRequest {
  /** A new key per opening: each request starts with an empty justification. */
  key: number;
  open: boolean;
  scope: GrantScope;
  reportIds: string[];
}

/**
 * The way to the conversation, through the gate: a justified request for a 15-minute grant
 * (recorded in the access register), then the messages it covers. Only the case's assignee
 * or a lead may ask, and only while the case is not closed; otherwise the button says why.
 */
export const ConversationGateButton = ({ record, api = gateApi }: ConversationGateButtonProps) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<StaffRole[]>();
  const [request, setRequest] = useState<AccessRequest | null>(null);
  const [session, setSession] = useState<GateSession | null>(null);
  const detail = hasCaseDetails(record) ? record : undefined;
  const verdict = gateVerdict(record, identity ? String(identity.id) : undefined, permissions);
  const note = translate('vigie.gate.button.note');
  const reason = verdict.open ? undefined : translate(`vigie.gate.button.reasons.${verdict.block}`);

  const ask = (scope: GrantScope, reportIds: string[]) =>
    setRequest((current) => ({ key: (current?.key ?? 0) + 1, open: true, scope, reportIds }));
  const closeRequest = () => setRequest((current) => current && { ...current, open: false });

  return (
    <Box sx={{ maxWidth: 300 }}>
      <Tooltip title={reason ?? note}>
        {/* A disabled button fires no events: the span carries the tooltip. */}
        <Box component="span" sx={{ display: 'block' }}>
          <Button
            variant="outlined"
            color={verdict.open ? 'primary' : 'inherit'}
            startIcon={verdict.open ? <ForumOutlined /> : <LockOutlined />}
            disabled={!verdict.open}
            fullWidth
            onClick={() => ask('context', [])}
            data-testid="open-conversation"
          >
            {translate('vigie.gate.button.open')}
          </Button>
        </Box>
      </Tooltip>
      <Stack spacing={0.25} sx={{ mt: 0.5 }}>
        {reason && (
          <Typography variant="caption" sx={{ display: 'block', fontWeight: 600 }} data-testid="gate-blocked">
            {reason}
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {note}
        </Typography>
      </Stack>

      {detail && request && (
        <AccessRequestDialog
          key={request.key}
          open={request.open}
          caseId={detail.id}
          scope={request.scope}
          reports={detail.reports}
          initialReportIds={request.reportIds}
          conversationMessageCount={session?.grant.scope.conversationMessageCount ?? detail.messageCount}
          onClose={closeRequest}
          onGranted={(receipt, reportIds) => {
            // A wider grant replaces the one being read: the viewer starts again from it.
            setSession({ ...receipt, reportIds });
            closeRequest();
          }}
          api={api}
        />
      )}
      {detail && (
        <ConversationViewer
          session={session}
          reports={detail.reports}
          participants={detail.participants}
          onClose={() => setSession(null)}
          onWiden={() => session && ask('full', session.reportIds)}
          onRequestAgain={() => ask('context', [])}
          api={api}
        />
      )}
    </Box>
  );
};
