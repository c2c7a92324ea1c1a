import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  Stack,
  Typography,
} from '@mui/material';
import type { BulkResult, PolicyClause } from '@vigie/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useLogoutIfAccessDenied, useTranslate } from 'react-admin';
import { MAX_BULK_CASES } from './bulkLimits';
import { BulkResultView } from './BulkResultView';
import { useClauseWords } from './clauseLabel';
import {
  checkStatement,
  type DraftErrors,
  type StatementDraft,
  type StatementField,
  suggestedClause,
} from './decisionRules';
import type { DecisionsApi } from './decisionsApi';
import { PolicyClauseField } from './PolicyClauseField';
import { refusalText } from '../common/refusals';
import { StatementFields } from './StatementFields';
import { useQueueSelection } from './useQueueSelection';
import { FormDialogActions } from '../components/FormDialogActions';

export interface BulkDismissDialogProps {
  api: DecisionsApi;
  onClose: (changed: boolean) => void;
}

/** One statement of reasons for many "Aucune infraction" decisions, then how it went case by case. */
export const BulkDismissDialog = ({ api, onClose }: BulkDismissDialogProps) => {
  const translate = useTranslate();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const titleId = useId();
  const { ids, records, nameOf } = useQueueSelection();
  const clauseWords = useClauseWords();
  const groundOf = (clause: PolicyClause | '') => (clause === '' ? '' : clauseWords.ground(clause));
  const [initialClause] = useState<PolicyClause | ''>(
    () => suggestedClause(records.flatMap((record) => record.categories)) ?? '',
  );
  const [clause, setClause] = useState<PolicyClause | ''>(initialClause);
  const [groundTyped, setGroundTyped] = useState(false);
  const [statement, setStatement] = useState<StatementDraft>(() => ({
    facts: '',
    ground: groundOf(initialClause),
    automated: false,
    redress: translate('vigie.decisions.form.redress_default'),
  }));
  const [errors, setErrors] = useState<DraftErrors<StatementField | 'policyClause'>>({});
  const [attempted, setAttempted] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const tooMany = ids.length > MAX_BULK_CASES;

  const check = (nextClause: PolicyClause | '', next: StatementDraft) => {
    const checked = checkStatement(next);
    const found: DraftErrors<StatementField | 'policyClause'> = { ...(checked.errors ?? {}) };
    if (nextClause === '') found.policyClause = 'clause_required';
    return { checked, found };
  };

  const change = (patch: Partial<StatementDraft>) => {
    const next = { ...statement, ...patch };
    setStatement(next);
    if (attempted) setErrors(check(clause, next).found);
  };

  const chooseClause = (value: PolicyClause) => {
    setClause(value);
    const next = groundTyped ? statement : { ...statement, ground: groundOf(value) };
    setStatement(next);
    if (attempted) setErrors(check(value, next).found);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || tooMany) return;
    setAttempted(true);
    const { checked, found } = check(clause, statement);
    if (clause === '' || checked.errors) {
      setErrors(found);
      return;
    }
    setErrors({});
    setPending(true);
    setFailure(null);
    try {
      setResult(
        await api.bulk({
          action: 'dismiss',
          caseIds: ids,
          policyClause: clause,
          statement: checked.statement,
        }),
      );
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return;
      setFailure(refusalText(error, translate));
    } finally {
      setPending(false);
    }
  };

  const close = () => {
    if (!pending) onClose(result !== null);
  };

  return (
    <Dialog
      open
      onClose={close}
      maxWidth="md"
      fullWidth
      scroll="paper"
      aria-labelledby={titleId}
      data-testid="bulk-dismiss-dialog"
    >
      <DialogTitle id={titleId} component="div">
        <Typography component="h2" variant="h6">
          {translate(result ? 'vigie.decisions.bulk.result_title' : 'vigie.decisions.bulk.dismiss_title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('vigie.decisions.bulk.dismiss_count', { smart_count: ids.length })}
        </Typography>
      </DialogTitle>
      {result ? (
        <>
          <DialogContent dividers>
            <BulkResultView result={result} nameOf={nameOf} />
          </DialogContent>
          <DialogActions sx={{ px: 3, py: 2 }}>
            <Button variant="contained" onClick={close} autoFocus>
              {translate('vigie.decisions.bulk.close')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <Box component="form" onSubmit={submit} noValidate sx={{ display: 'contents' }}>
          <DialogContent dividers>
            <Stack spacing={2.5}>
              <Typography variant="body2" color="text.secondary">
                {translate('vigie.decisions.bulk.dismiss_intro')}
              </Typography>
              {tooMany && (
                <Alert severity="warning">
                  {translate('vigie.decisions.bulk.too_many', { max: MAX_BULK_CASES })}
                </Alert>
              )}
              <PolicyClauseField
                value={clause}
                onChange={chooseClause}
                error={errors.policyClause}
                suggested={clause !== '' && clause === initialClause}
                disabled={pending}
              />
              <Divider />
              <Box>
                <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
                  {translate('vigie.decisions.form.statement_title')}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
                  {translate('vigie.decisions.form.statement_intro')}
                </Typography>
                <StatementFields
                  value={statement}
                  onChange={change}
                  errors={errors}
                  disabled={pending}
                  onGroundTyped={() => setGroundTyped(true)}
                />
              </Box>
              {failure && (
                <Alert severity="error" role="alert">
                  {failure}
                </Alert>
              )}
            </Stack>
          </DialogContent>
          <FormDialogActions
            cancelLabel={translate('vigie.decisions.form.cancel')}
            submitLabel={translate('vigie.decisions.bulk.dismiss_submit')}
            icon={<TaskAltOutlined />}
            pending={pending}
            disabled={tooMany}
            onCancel={close}
            submitTestId="bulk-dismiss-submit"
          />
        </Box>
      )}
    </Dialog>
  );
};
