import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import { Alert, AlertTitle, Box, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface StepUpPanelProps {
  /** The account has MFA: it confirms with a code from its app, never its password. */
  mfa: boolean;
  value: string;
  onChange: (value: string) => void;
  /** An i18n key: the last attempt was refused. */
  error: string | null;
  disabled: boolean;
}

/**
 * Inside the gate's dialog when the gate asks for a step-up: one field, confirmed with the
 * dialog's own button, so that the reports ticked and the justification typed stay as they are.
 */
export const StepUpPanel = ({ mfa, value, onChange, error, disabled }: StepUpPanelProps) => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 3, pt: 2 }}>
      <Alert severity="info" icon={<VerifiedUserOutlined fontSize="inherit" />} data-testid="gate-step-up">
        <AlertTitle>{translate('vigie.gate.step_up.title')}</AlertTitle>
        {translate(mfa ? 'vigie.gate.step_up.intro_totp' : 'vigie.gate.step_up.intro_password')}
        <TextField
          name={mfa ? 'step-up-totp' : 'step-up-password'}
          type={mfa ? 'text' : 'password'}
          label={translate(mfa ? 'vigie.gate.step_up.totp_label' : 'vigie.gate.step_up.password_label')}
          autoComplete={mfa ? 'one-time-code' : 'current-password'}
          autoFocus
          required
          fullWidth
          size="small"
          margin="dense"
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(mfa ? event.target.value.replace(/\D/g, '').slice(0, 6) : event.target.value)}
          error={error !== null}
          helperText={error ? translate(error) : undefined}
          sx={{ mt: 1.5, bgcolor: 'background.paper' }}
          slotProps={mfa ? { htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', maxLength: 6, spellCheck: false } } : undefined}
        />
      </Alert>
    </Box>
  );
};
