import { MenuItem, TextField } from '@mui/material';
import { POLICY_CLAUSES, type PolicyClause } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import { useClauseWords } from './clauseLabel';

interface PolicyClauseFieldProps {
  value: PolicyClause | '';
  onChange: (clause: PolicyClause) => void;
  /** The i18n key of the problem, under `vigie.decisions.form.errors`. */
  error?: string;
  /** Whether the current value was suggested from the case's categories, not chosen. */
  suggested?: boolean;
  disabled?: boolean;
}

/** The clause of the terms of use the decision rests on, by its French label. */
export const PolicyClauseField = ({
  value,
  onChange,
  error,
  suggested = false,
  disabled,
}: PolicyClauseFieldProps) => {
  const translate = useTranslate();
  const clauseWords = useClauseWords();
  return (
    <TextField
      select
      name="policyClause"
      label={translate('vigie.decisions.form.clause_label')}
      value={value}
      onChange={(event) => onChange(event.target.value as PolicyClause)}
      required
      fullWidth
      disabled={disabled}
      error={error !== undefined}
      helperText={
        error
          ? translate(`vigie.decisions.form.errors.${error}`)
          : translate(
              suggested ? 'vigie.decisions.form.clause_suggested' : 'vigie.decisions.form.clause_help',
            )
      }
      slotProps={{ htmlInput: { 'data-testid': 'policy-clause' } }}
    >
      {POLICY_CLAUSES.map((clause) => (
        <MenuItem key={clause} value={clause} data-clause={clause}>
          {clauseWords.label(clause)}
        </MenuItem>
      ))}
    </TextField>
  );
};
