import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import { Box, Stack, TextField, Typography } from '@mui/material';
import { MAX_JUSTIFICATION_LENGTH, MIN_JUSTIFICATION_LENGTH } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import { justificationLength } from './gateRules';

interface JustificationFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** Shown once the user tried to send a justification too short: how many characters it lacks. */
  missingCharacters?: number;
  disabled?: boolean;
}

/** Why the access is needed, with a live count of what the gate will count (trimmed). */
export const JustificationField = ({
  value,
  onChange,
  missingCharacters = 0,
  disabled = false,
}: JustificationFieldProps) => {
  const translate = useTranslate();
  const length = justificationLength(value);
  const longEnough = length >= MIN_JUSTIFICATION_LENGTH;
  const error = missingCharacters > 0;
  return (
    <TextField
      name="justification"
      label={translate('vigie.gate.dialog.justification_label')}
      placeholder={translate('vigie.gate.dialog.justification_placeholder')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      multiline
      minRows={3}
      maxRows={8}
      required
      disabled={disabled}
      error={error}
      slotProps={{
        htmlInput: { maxLength: MAX_JUSTIFICATION_LENGTH, 'data-testid': 'gate-justification' },
        formHelperText: { component: 'div' },
      }}
      helperText={
        <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between' }}>
          <span>
            {error
              ? translate('vigie.gate.dialog.errors.too_short', {
                  smart_count: missingCharacters,
                  min: MIN_JUSTIFICATION_LENGTH,
                })
              : translate('vigie.gate.dialog.justification_help', { min: MIN_JUSTIFICATION_LENGTH })}
          </span>
          <Box
            component="span"
            data-testid="gate-justification-counter"
            data-long-enough={longEnough}
            sx={{
              flexShrink: 0,
              display: 'inline-flex',
              alignItems: 'center',
              gap: 0.5,
              fontVariantNumeric: 'tabular-nums',
              color: longEnough ? 'success.main' : error ? 'error.main' : 'text.secondary',
              fontWeight: 600,
            }}
          >
            {longEnough && <CheckCircleOutlined sx={{ fontSize: 14 }} aria-hidden />}
            <Typography component="span" variant="caption" sx={{ fontWeight: 'inherit' }}>
              {longEnough
                ? translate('vigie.gate.dialog.counter_ok', { smart_count: length })
                : translate('vigie.gate.dialog.counter_short', {
                    count: length,
                    min: MIN_JUSTIFICATION_LENGTH,
                  })}
            </Typography>
          </Box>
        </Stack>
      }
    />
  );
};
