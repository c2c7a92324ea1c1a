import GavelOutlined from '@mui/icons-material/GavelOutlined';
import HowToVoteOutlined from '@mui/icons-material/HowToVoteOutlined';
import SupervisorAccountOutlined from '@mui/icons-material/SupervisorAccountOutlined';
import {
  Alert,
  AlertTitle,
  Box,
  Checkbox,
  Chip,
  Divider,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  InputAdornment,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import {
  type CaseDetail,
  DECISION_ACTIONS,
  type DecisionAction,
  type PolicyClause,
  type StaffRole,
} from '@vigie/contracts';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { HttpError } from 'react-admin';
import { MONOSPACE } from '../common/format';
import { ChoiceCards, type Choice } from './ChoiceCards';
import type { Problem } from './DialogProblem';
import { StatementDialog } from './StatementDialog';
import { useClauseWords } from './clauseLabel';
import { ACTION_COLOURS, ACTION_ICONS, useActionLabel } from './DecisionChips';
import {
  checkDecision,
  conversationReadBy,
  type DecisionDraft,
  type DecisionField,
  type DraftErrors,
  fieldOfApiPath,
  parseDays,
  pendingDecisionOf,
  reportedMessages,
  suggestedClause,
  waitsForLead,
} from './decisionRules';
import { decisionsApi, fieldProblemsOf } from './decisionsApi';
import { refusalCodeOf } from '../providers/api';
import { PolicyClauseField } from './PolicyClauseField';
import { refusalText } from '../common/refusals';
import { useDialogSubmit } from '../common/useDialogSubmit';
import type { CaseDialogProps } from './caseDialogProps';
import { StatementFields } from './StatementFields';

const DURATION_PRESETS = [1, 3, 7, 14, 30] as const;

/** A titled part of the form. */
const Part = ({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) => (
  <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
    <Typography component="legend" variant="subtitle2" sx={{ fontWeight: 700, mb: intro ? 0.25 : 1 }}>
      {title}
    </Typography>
    {intro && (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {intro}
      </Typography>
    )}
    {children}
  </Box>
);

interface DecisionDialogProps extends CaseDialogProps {
  /** The case as it is now: a reload after a conflict hands the dialog the new version. */
  record: CaseDetail;
  roles: readonly StaffRole[];
  /** Who decides: a removal names only messages they read, so the form says when they have not. */
  staffId?: string;
}

/**
 * Deciding a case: the measure, its length or the messages it removes, the clause it rests on
 * and the statement of reasons the person concerned receives. A moderator's heavy sanction is
 * proposed to a lead instead of taking effect: the form says so before it is sent.
 */
export const DecisionDialog = ({
  record,
  roles,
  staffId,
  onClose,
  onDone,
  api = decisionsApi,
}: DecisionDialogProps) => {
  const { translate, notify, pending, send, close } = useDialogSubmit(onClose);
  const actionLabel = useActionLabel();
  const messages = useMemo(() => reportedMessages(record.reports), [record.reports]);
  // The API accepts only messages the decider's own access covered: say so before they try.
  const conversationUnread = staffId !== undefined && !conversationReadBy(record, staffId);
  const clauseWords = useClauseWords();
  const groundOf = (clause: PolicyClause | '') => (clause === '' ? '' : clauseWords.ground(clause));

  const [initialClause] = useState<PolicyClause | ''>(() => suggestedClause(record.categories) ?? '');
  const [draft, setDraft] = useState<DecisionDraft>(() => ({
    action: null,
    durationDays: '',
    // One reported message is the obvious one to remove; several are ticked by hand.
    messageIds: messages.length === 1 ? [messages[0].id] : [],
    policyClause: initialClause,
    facts: '',
    ground: groundOf(initialClause),
    automated: false,
    redress: translate('vigie.decisions.form.redress_default'),
  }));
  // The ground follows the clause until it is typed in.
  const [groundTyped, setGroundTyped] = useState(false);
  const [errors, setErrors] = useState<DraftErrors<DecisionField>>({});
  const [attempted, setAttempted] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const days = draft.action === 'suspension' ? parseDays(draft.durationDays) : undefined;
  const fourEyes = waitsForLead(roles, draft.action, Number.isNaN(days) ? undefined : days);
  const leadHeavy =
    roles.includes('lead') && (draft.action === 'ban' || (draft.action === 'suspension' && (days ?? 0) > 7));

  const change = (patch: Partial<DecisionDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    // After a first attempt, the errors follow the typing: they vanish as fields are fixed.
    if (attempted) {
      const checked = checkDecision(next, record.version);
      setErrors(checked.errors ?? {});
    }
  };

  const chooseClause = (clause: PolicyClause) =>
    change(groundTyped ? { policyClause: clause } : { policyClause: clause, ground: groundOf(clause) });

  const toggleMessage = (id: string) =>
    change({
      messageIds: draft.messageIds.includes(id)
        ? draft.messageIds.filter((other) => other !== id)
        : [...draft.messageIds, id],
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setAttempted(true);
    const checked = checkDecision(draft, record.version);
    if (checked.errors) {
      setErrors(checked.errors);
      setProblem({ kind: 'message', text: translate('vigie.decisions.form.errors.fix') });
      return;
    }
    setErrors({});
    setProblem(null);
    await send(
      async () => {
        const updated = await api.decide(record.id, checked.request);
        // The API is the judge of four eyes: a proposal leaves the case in review, waiting.
        if (updated.status === 'in_review' && pendingDecisionOf(updated))
          notify('vigie.decisions.decide.done_pending', { type: 'info' });
        else
          notify('vigie.decisions.decide.done_effective', {
            type: 'success',
            messageArgs: { action: actionLabel(checked.request.action, checked.request.durationDays) },
          });
        onDone();
      },
      (error) => {
        const code = refusalCodeOf(error);
        if (code === 'stale_version') {
          setProblem({ kind: 'stale' });
          return;
        }
        const problems = fieldProblemsOf(error);
        if (error instanceof HttpError && error.status === 400 && problems.length > 0) {
          const fromApi: DraftErrors<DecisionField> = {};
          for (const { field, code } of problems) {
            const name = fieldOfApiPath(field);
            if (name === 'messageIds' && code === 'not_granted') fromApi.messageIds = 'messages_not_granted';
            else if (name) fromApi[name] ??= 'invalid';
          }
          setErrors(fromApi);
          setProblem({ kind: 'message', text: translate('vigie.decisions.form.errors.fix') });
          return;
        }
        setProblem({ kind: 'message', text: refusalText(error, translate) });
      },
    );
  };

  const choices: Choice<DecisionAction>[] = DECISION_ACTIONS.map((action) => ({
    value: action,
    title: translate(`vigie.decisions.actions.${action}`),
    hint: translate(`vigie.decisions.action_hints.${action}`),
    icon: ACTION_ICONS[action],
    colour: ACTION_COLOURS[action],
  }));
  const errorText = (field: DecisionField) =>
    errors[field] ? translate(`vigie.decisions.form.errors.${errors[field]}`) : undefined;
  const who = record.reportedUser?.displayName ?? record.reportedUser?.externalId;

  return (
    <StatementDialog
      title={translate('vigie.decisions.form.title')}
      icon={<GavelOutlined sx={{ fontSize: 20 }} />}
      subtitle={
        who && (
          <Typography variant="body2" color="text.secondary">
            {translate('vigie.decisions.form.subtitle', { name: who })}
          </Typography>
        )
      }
      testId="decision-dialog"
      onClose={close}
      onSubmit={submit}
      problem={problem}
      onProblemChange={setProblem}
      submit={{
        cancelLabel: translate('vigie.decisions.form.cancel'),
        label: translate(fourEyes ? 'vigie.decisions.form.submit_propose' : 'vigie.decisions.form.submit'),
        icon: fourEyes ? <HowToVoteOutlined /> : <GavelOutlined />,
        pending,
        testId: 'decision-submit',
      }}
    >
      <Part title={translate('vigie.decisions.form.action_label')}>
        <ChoiceCards
          label={translate('vigie.decisions.form.action_label')}
          name="action"
          choices={choices}
          value={draft.action}
          onChange={(action) => change({ action })}
          error={errorText('action')}
          disabled={pending}
          testId="decision-actions"
        />
      </Part>

      {draft.action === 'suspension' && (
        <Box sx={{ pl: { sm: 2 }, borderLeft: { sm: 3 }, borderColor: { sm: 'divider' } }}>
          <Stack
            direction={{ xs: 'column', sm: 'row' }}
            spacing={2}
            sx={{ alignItems: { sm: 'flex-start' } }}
          >
            <TextField
              name="durationDays"
              label={translate('vigie.decisions.form.duration_label')}
              value={draft.durationDays}
              onChange={(event) => change({ durationDays: event.target.value })}
              required
              disabled={pending}
              error={errors.durationDays !== undefined}
              helperText={errorText('durationDays') ?? translate('vigie.decisions.form.duration_help')}
              sx={{ width: { sm: 260 } }}
              slotProps={{
                htmlInput: {
                  inputMode: 'numeric',
                  pattern: '[0-9]*',
                  maxLength: 4,
                  'data-testid': 'decision-duration',
                },
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      {translate('vigie.decisions.form.duration_unit')}
                    </InputAdornment>
                  ),
                },
              }}
            />
            <Box role="group" aria-label={translate('vigie.decisions.form.duration_presets')} sx={{ pt: 1 }}>
              <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {DURATION_PRESETS.map((preset) => (
                  <Chip
                    key={preset}
                    label={translate('vigie.decisions.form.days', { smart_count: preset })}
                    onClick={() => change({ durationDays: String(preset) })}
                    color={days === preset ? 'primary' : 'default'}
                    variant={days === preset ? 'filled' : 'outlined'}
                    disabled={pending}
                  />
                ))}
              </Stack>
            </Box>
          </Stack>
        </Box>
      )}

      {draft.action === 'content_removal' && (
        <Box sx={{ pl: { sm: 2 }, borderLeft: { sm: 3 }, borderColor: { sm: 'divider' } }}>
          <Part
            title={translate('vigie.decisions.form.messages_label')}
            intro={translate('vigie.decisions.form.messages_help')}
          >
            {conversationUnread && messages.length > 0 && (
              <Alert severity="info" sx={{ mb: 1 }} data-testid="decision-messages-unread">
                {translate('vigie.decisions.form.messages_unread')}
              </Alert>
            )}
            {messages.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('vigie.decisions.form.messages_none')}
              </Typography>
            ) : (
              <FormGroup data-testid="decision-messages">
                {messages.map((message) => (
                  <FormControlLabel
                    key={message.id}
                    control={
                      <Checkbox
                        checked={draft.messageIds.includes(message.id)}
                        onChange={() => toggleMessage(message.id)}
                        disabled={pending}
                      />
                    }
                    label={
                      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                        <Typography variant="body2" sx={{ fontFamily: MONOSPACE }}>
                          {message.id}
                        </Typography>
                        <Typography variant="caption" color="text.secondary">
                          {message.categories
                            .map((category) => translate(`vigie.cases.categories.${category}`))
                            .join(', ')}
                        </Typography>
                      </Stack>
                    }
                  />
                ))}
              </FormGroup>
            )}
            {errors.messageIds && <FormHelperText error>{errorText('messageIds')}</FormHelperText>}
          </Part>
        </Box>
      )}

      {fourEyes && (
        <Alert
          severity="warning"
          icon={<SupervisorAccountOutlined />}
          data-testid="four-eyes-notice"
          aria-live="polite"
        >
          <AlertTitle sx={{ fontWeight: 700 }}>
            {translate('vigie.decisions.form.four_eyes_title')}
          </AlertTitle>
          {translate('vigie.decisions.form.four_eyes_body')}
        </Alert>
      )}
      {leadHeavy && (
        <Alert severity="info" data-testid="lead-effective-notice">
          {translate('vigie.decisions.form.lead_effective')}
        </Alert>
      )}

      <PolicyClauseField
        value={draft.policyClause}
        onChange={chooseClause}
        error={errors.policyClause}
        suggested={draft.policyClause !== '' && draft.policyClause === initialClause}
        disabled={pending}
      />

      <Divider />

      <Part
        title={translate('vigie.decisions.form.statement_title')}
        intro={translate('vigie.decisions.form.statement_intro')}
      >
        <StatementFields
          value={draft}
          onChange={change}
          errors={errors}
          disabled={pending}
          onGroundTyped={() => setGroundTyped(true)}
        />
      </Part>
    </StatementDialog>
  );
};
