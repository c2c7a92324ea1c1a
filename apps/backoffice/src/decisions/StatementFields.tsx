import { Box, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  type DraftErrors,
  STATEMENT_LIMITS,
  type StatementDraft,
  type StatementField,
} from './decisionRules';

interface StatementFieldsProps {
  value: StatementDraft;
  onChange: (patch: Partial<StatementDraft>) => void;
  errors: DraftErrors<StatementField>;
  disabled?: boolean;
  /** Called when the ground is typed in, so that it stops following the clause. */
  onGroundTyped?: () => void;
}

const ERRORS = 'vigie.decisions.form.errors';

/**
 * The statement of reasons (EU Digital Services Act, Art. 17): facts and circumstances, the
 * ground, whether automated means were used, and the redress open to the person concerned.
 */
export const StatementFields = ({
  value,
  onChange,
  errors,
  disabled = false,
  onGroundTyped,
}: StatementFieldsProps) => {
  const translate = useTranslate();
  const message = (field: StatementField) => {
    const key = errors[field];
    return key ? translate(`${ERRORS}.${key}`) : undefined;
  };
  const counter = (field: 'facts' | 'ground' | 'redress') =>
    translate('vigie.decisions.form.counter', {
      count: value[field].trim().length,
      max: STATEMENT_LIMITS[field].max,
    });
  return (
    <Stack spacing={2}>
      <TextField
        name="facts"
        label={translate('vigie.decisions.form.facts_label')}
        placeholder={translate('vigie.decisions.form.facts_placeholder')}
        value={value.facts}
        onChange={(event) => onChange({ facts: event.target.value })}
        multiline
        minRows={3}
        maxRows={10}
        required
        fullWidth
        disabled={disabled}
        error={errors.facts !== undefined}
        helperText={
          <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
            <span>{message('facts') ?? translate('vigie.decisions.form.facts_help')}</span>
            <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {counter('facts')}
            </Box>
          </Box>
        }
        slotProps={{ htmlInput: { maxLength: STATEMENT_LIMITS.facts.max, 'data-testid': 'statement-facts' } }}
      />
      <TextField
        name="ground"
        label={translate('vigie.decisions.form.ground_label')}
        value={value.ground}
        onChange={(event) => {
          onGroundTyped?.();
          onChange({ ground: event.target.value });
        }}
        required
        fullWidth
        disabled={disabled}
        error={errors.ground !== undefined}
        helperText={message('ground') ?? translate('vigie.decisions.form.ground_help')}
        slotProps={{
          htmlInput: { maxLength: STATEMENT_LIMITS.ground.max, 'data-testid': 'statement-ground' },
        }}
      />
      <Box
        sx={{
          px: 1.75,
          py: 1,
          borderRadius: 2,
          border: '1px solid',
          borderColor: value.automated ? 'warning.main' : 'divider',
        }}
      >
        <FormControlLabel
          sx={{ m: 0, width: '100%', justifyContent: 'space-between', gap: 2 }}
          labelPlacement="start"
          label={
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate('vigie.decisions.form.automated_label')}
            </Typography>
          }
          control={
            <Switch
              checked={value.automated}
              onChange={(event) => onChange({ automated: event.target.checked })}
              disabled={disabled}
              slotProps={{ input: { 'data-testid': 'statement-automated' } as object }}
            />
          }
        />
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }} aria-live="polite">
          {translate(
            value.automated ? 'vigie.decisions.form.automated_yes' : 'vigie.decisions.form.automated_no',
          )}
        </Typography>
      </Box>
      <TextField
        name="redress"
        label={translate('vigie.decisions.form.redress_label')}
        value={value.redress}
        onChange={(event) => onChange({ redress: event.target.value })}
        multiline
        minRows={2}
        maxRows={6}
        required
        fullWidth
        disabled={disabled}
        error={errors.redress !== undefined}
        helperText={message('redress')}
        slotProps={{
          htmlInput: { maxLength: STATEMENT_LIMITS.redress.max, 'data-testid': 'statement-redress' },
        }}
      />
    </Stack>
  );
};
