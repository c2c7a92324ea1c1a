import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import ShieldOutlined from '@mui/icons-material/ShieldOutlined';
import {
  Alert,
  AlertTitle,
  Box,
  FormControl,
  FormHelperText,
  FormLabel,
  Stack,
  Typography,
} from '@mui/material';
import { type CaseReport, type GrantScope, MIN_JUSTIFICATION_LENGTH } from '@vigie/contracts';
import { type FormEvent, useState } from 'react';
import { useGetIdentity, useLogoutIfAccessDenied, useRefresh, useTranslate } from 'react-admin';
import { ActionDialog } from '../components/ActionDialog';
import { isStaffSessionIdentity } from '../providers/authProvider';
import {
  type GateApi,
  type GateError,
  gateApi,
  gateErrorOf,
  type GrantReceipt,
  stepUpFailureOf,
  type StepUpMethod,
} from './gateApi';
import { draftProblems, isDraftValid } from './gateRules';
import { JustificationField } from './JustificationField';
import { LegalBasisNotice } from './LegalBasisNotice';
import { ReportChoice } from './ReportChoice';
import { StepUpPanel } from './StepUpPanel';

// What a refused step-up says, by the API's code.
const STEP_UP_ERRORS: Record<string, string> = {
  step_up_failed: 'vigie.gate.step_up.errors.failed',
  step_up_method: 'vigie.gate.step_up.errors.method',
  locked: 'vigie.gate.step_up.errors.locked',
  invalid_input: 'vigie.gate.step_up.errors.failed',
};

export interface AccessRequestDialogProps {
  open: boolean;
  caseId: string;
  scope: GrantScope;
  reports: readonly CaseReport[];
  /** Reports ticked when the dialog opens: none for a first access, the same ones to widen it. */
  initialReportIds: readonly string[];
  /** How many messages the whole conversation holds, said when widening to it. */
  conversationMessageCount: number;
  onClose: () => void;
  onGranted: (receipt: GrantReceipt, reportIds: string[]) => void;
  api?: GateApi;
}

/**
 * Asking the gate for access: which reports, why, under which legal basis. Checks what the
 * gate would refuse before sending, and says the gate's own refusal when it still refuses.
 */
export const AccessRequestDialog = ({
  open,
  caseId,
  scope,
  reports,
  initialReportIds,
  conversationMessageCount,
  onClose,
  onGranted,
  api = gateApi,
}: AccessRequestDialogProps) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [reportIds, setReportIds] = useState<string[]>(() =>
    reports.filter((report) => initialReportIds.includes(report.id)).map((report) => report.id),
  );
  const [justification, setJustification] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<GateError | null>(null);
  // The gate asked for a step-up: the dialog confirms it, then asks the gate again.
  const { identity } = useGetIdentity();
  // The API's word wins over the identity loaded earlier (MFA enrolled since, say).
  const [method, setMethod] = useState<StepUpMethod | null>(null);
  const mfa = method ? method === 'totp' : isStaffSessionIdentity(identity) && identity.mfaEnabled;
  const [stepUpSecret, setStepUpSecret] = useState('');
  const [stepUpError, setStepUpError] = useState<string | null>(null);
  const stepUpAsked = failure?.reason === 'step_up_required';

  const problems = draftProblems({ reportIds, justification });
  const shown = attempted ? problems : { noReport: false, missingCharacters: 0 };

  const toggle = (id: string, checked: boolean) =>
    // Kept in the case's order, whatever the order of the clicks.
    setReportIds((current) =>
      reports
        .map((report) => report.id)
        .filter((reportId) => (reportId === id ? checked : current.includes(reportId))),
    );

  /** Confirms the step-up the gate asked for; false (and says why) when it did not go through. */
  const confirmStepUp = async (): Promise<boolean> => {
    if (!stepUpSecret) {
      setStepUpError('vigie.gate.step_up.errors.required');
      return false;
    }
    try {
      await api.stepUp(mfa ? { totp: stepUpSecret } : { password: stepUpSecret });
      setStepUpError(null);
      return true;
    } catch (error) {
      const gateError = gateErrorOf(error);
      if (gateError.status === 401) void logoutIfAccessDenied(gateError);
      const refused = stepUpFailureOf(error);
      if (refused.method) setMethod(refused.method);
      setStepUpError(STEP_UP_ERRORS[refused.code ?? ''] ?? 'vigie.gate.step_up.errors.unavailable');
      return false;
    } finally {
      // A code works once, a password is not kept on screen: the field starts empty again.
      setStepUpSecret('');
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!isDraftValid(problems) || pending) return;
    setPending(true);
    if (stepUpAsked && !(await confirmStepUp())) {
      setPending(false);
      return;
    }
    setFailure(null);
    try {
      const receipt = await api.requestAccess(caseId, {
        // The register keeps what the gate counted.
        justification: justification.trim(),
        reportIds,
        scope,
      });
      onGranted(receipt, reportIds);
    } catch (error) {
      const gateError = gateErrorOf(error);
      if (gateError.status === 401) void logoutIfAccessDenied(gateError);
      setFailure(gateError);
    } finally {
      setPending(false);
      // Granted or refused, the case moved on: the timeline shows the access, a refusal may
      // come from a reassignment or a closing the page has not seen yet.
      refresh();
    }
  };

  const close = () => {
    if (!pending) onClose();
  };

  // A reason means the gate itself refused (403, or 404 for a case gone): it recorded the refusal.
  const refused = failure?.reason !== undefined;
  return (
    <ActionDialog
      open={open}
      title={translate(scope === 'full' ? 'vigie.gate.dialog.title_full' : 'vigie.gate.dialog.title')}
      icon={<LockOpenOutlined sx={{ fontSize: 20 }} />}
      testId="gate-dialog"
      data={{ 'data-scope': scope }}
      scroll="paper"
      onClose={close}
      onSubmit={submit}
      beforeFooter={
        stepUpAsked ? (
          <StepUpPanel
            mfa={mfa}
            value={stepUpSecret}
            onChange={setStepUpSecret}
            error={stepUpError}
            disabled={pending}
          />
        ) : (
          failure && (
          // Outside the scrolling content: a refusal must be seen without scrolling down to it.
          <Box sx={{ px: 3, pt: 2 }}>
            <Alert severity="error" role="alert" data-testid="gate-refusal" data-reason={failure.reason}>
              <AlertTitle>
                {translate(refused ? 'vigie.gate.dialog.refused' : 'vigie.gate.dialog.failed')}
              </AlertTitle>
              {translate(failure.message, { min: MIN_JUSTIFICATION_LENGTH })}
              {refused && (
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  {translate('vigie.gate.dialog.refusal_recorded')}
                </Typography>
              )}
            </Alert>
          </Box>
          )
        )
      }
      submit={{
        cancelLabel: translate('vigie.gate.dialog.cancel'),
        label: translate(stepUpAsked ? 'vigie.gate.step_up.submit' : 'vigie.gate.dialog.submit'),
        icon: <LockOpenOutlined />,
        pending,
        testId: 'gate-submit',
      }}
    >
      <Typography variant="body2" color="text.secondary">
        {scope === 'full'
          ? translate('vigie.gate.dialog.intro_full', { smart_count: conversationMessageCount })
          : translate('vigie.gate.dialog.intro')}
      </Typography>

      <LegalBasisNotice />

      <FormControl component="fieldset" error={shown.noReport} disabled={pending}>
        <FormLabel component="legend" sx={{ mb: 1, fontWeight: 600, color: 'text.primary' }}>
          {translate('vigie.gate.dialog.reports_label')}
        </FormLabel>
        <Stack spacing={1}>
          {reports.map((report) => (
            <ReportChoice
              key={report.id}
              report={report}
              checked={reportIds.includes(report.id)}
              onChange={(checked) => toggle(report.id, checked)}
              disabled={pending}
            />
          ))}
        </Stack>
        <FormHelperText sx={{ mx: 0 }}>
          {translate(
            shown.noReport ? 'vigie.gate.dialog.errors.no_report' : 'vigie.gate.dialog.reports_help',
          )}
        </FormHelperText>
      </FormControl>

      <JustificationField
        value={justification}
        onChange={setJustification}
        missingCharacters={shown.missingCharacters}
        disabled={pending}
      />

      <Alert severity="warning" icon={<ShieldOutlined fontSize="inherit" />}>
        {translate('vigie.gate.dialog.register_warning')}
      </Alert>
    </ActionDialog>
  );
};
