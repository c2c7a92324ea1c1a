import BalanceOutlined from '@mui/icons-material/BalanceOutlined';
import { Box, Divider, Stack, Typography } from '@mui/material';
import type { CaseDetail } from '@vigie/contracts';
import { type FormEvent, useState } from 'react';
import { ChoiceCards, type Choice } from './ChoiceCards';
import type { Problem } from './DialogProblem';
import { StatementDialog } from './StatementDialog';
import { useClauseWords } from './clauseLabel';
import { ACTION_COLOURS, ACTION_ICONS, DecisionActionChip } from './DecisionChips';
import { checkStatement, type DraftErrors, type StatementDraft, type StatementField } from './decisionRules';
import { type AppealOutcome, decisionsApi } from './decisionsApi';
import { refusalCodeOf } from '../providers/api';
import { refusalText } from '../common/refusals';
import { useDialogSubmit } from '../common/useDialogSubmit';
import type { CaseDialogProps } from './caseDialogProps';
import { StatementFields } from './StatementFields';

interface AppealDialogProps extends CaseDialogProps {
  record: CaseDetail & { appeal: NonNullable<CaseDetail['appeal']> };
  initialOutcome: AppealOutcome | null;
}

/** Deciding an appeal: uphold or overturn the appealed decision, with a statement of reasons. */
export const AppealDialog = ({
  record,
  initialOutcome,
  onClose,
  onDone,
  api = decisionsApi,
}: AppealDialogProps) => {
  const { translate, notify, pending, send, close } = useDialogSubmit(onClose);
  const appealed = record.appeal.decision;
  const clauseWords = useClauseWords();
  const [outcome, setOutcome] = useState<AppealOutcome | null>(initialOutcome);
  const [statement, setStatement] = useState<StatementDraft>(() => ({
    facts: '',
    ground: clauseWords.ground(appealed.policyClause),
    automated: false,
    redress: translate('vigie.decisions.appeal.redress_default'),
  }));
  const [errors, setErrors] = useState<DraftErrors<StatementField | 'outcome'>>({});
  const [attempted, setAttempted] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const check = (nextOutcome: AppealOutcome | null, next: StatementDraft) => {
    const checked = checkStatement(next);
    const found: DraftErrors<StatementField | 'outcome'> = { ...(checked.errors ?? {}) };
    if (nextOutcome === null) found.outcome = 'outcome_required';
    return { checked, found };
  };

  const change = (patch: Partial<StatementDraft>) => {
    const next = { ...statement, ...patch };
    setStatement(next);
    if (attempted) setErrors(check(outcome, next).found);
  };

  const choose = (value: AppealOutcome) => {
    setOutcome(value);
    if (attempted) setErrors(check(value, statement).found);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setAttempted(true);
    const { checked, found } = check(outcome, statement);
    if (outcome === null || checked.errors) {
      setErrors(found);
      setProblem({ kind: 'message', text: translate('vigie.decisions.form.errors.fix') });
      return;
    }
    setErrors({});
    setProblem(null);
    await send(
      async () => {
        await api.appealOutcome(record.id, outcome, checked.statement, record.version);
        notify(`vigie.decisions.appeal.done_${outcome}`, { type: 'success' });
        onDone();
      },
      (error) => {
        if (refusalCodeOf(error) === 'stale_version') setProblem({ kind: 'stale' });
        else setProblem({ kind: 'message', text: refusalText(error, translate) });
      },
    );
  };

  const choices: Choice<AppealOutcome>[] = [
    {
      value: 'upheld',
      title: translate('vigie.decisions.appeal.uphold'),
      hint: translate('vigie.decisions.appeal.uphold_hint'),
      icon: ACTION_ICONS.appeal_upheld,
      colour: ACTION_COLOURS.appeal_upheld,
    },
    {
      value: 'overturned',
      title: translate('vigie.decisions.appeal.overturn'),
      hint: translate('vigie.decisions.appeal.overturn_hint'),
      icon: ACTION_ICONS.appeal_overturned,
      colour: ACTION_COLOURS.appeal_overturned,
    },
  ];

  return (
    <StatementDialog
      title={translate('vigie.decisions.appeal.dialog_title')}
      icon={<BalanceOutlined sx={{ fontSize: 20 }} />}
      subtitle={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.25 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('vigie.decisions.appeal.appealed_decision')}
          </Typography>
          <DecisionActionChip action={appealed.action} durationDays={appealed.durationDays} />
        </Stack>
      }
      testId="appeal-dialog"
      onClose={close}
      onSubmit={submit}
      problem={problem}
      onProblemChange={setProblem}
      submit={{
        cancelLabel: translate('vigie.decisions.form.cancel'),
        label: translate('vigie.decisions.appeal.submit'),
        icon: <BalanceOutlined />,
        pending,
        testId: 'appeal-submit',
      }}
    >
      <Box>
        <Typography variant="subtitle2" sx={{ fontWeight: 700, mb: 1 }}>
          {translate('vigie.decisions.appeal.outcome_label')}
        </Typography>
        <ChoiceCards
          label={translate('vigie.decisions.appeal.outcome_label')}
          name="outcome"
          choices={choices}
          value={outcome}
          onChange={choose}
          error={errors.outcome ? translate(`vigie.decisions.appeal.${errors.outcome}`) : undefined}
          disabled={pending}
          columns={2}
          testId="appeal-outcomes"
        />
      </Box>
      <Divider />
      <Box>
        <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
          {translate('vigie.decisions.form.statement_title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {translate('vigie.decisions.form.statement_intro')}
        </Typography>
        <StatementFields value={statement} onChange={change} errors={errors} disabled={pending} />
      </Box>
    </StatementDialog>
  );
};
