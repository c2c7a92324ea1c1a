import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  IconButton,
  InputAdornment,
  TextField,
  Typography,
} from '@mui/material';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useCheckAuth, useLogin, useNavigate, useTranslate } from 'react-admin';
import { type LoginFailure, LoginError, type LoginParams } from '../providers/authProvider';
import { SignedOutShell } from '../components/SignedOutShell';

type Step = 'credentials' | 'totp';
/** The second factor typed: the app's code, or one of the recovery codes shown at enrolment. */
type SecondFactor = 'app' | 'recovery';
/** What the alert says: a login failure, or a refused recovery code. */
type Problem = LoginFailure | 'recovery_invalid';

const TOTP_PATTERN = /^\d{6}$/;
const RECOVERY_PATTERN = /^[a-z0-9]{4}-[a-z0-9]{4}$/;

/** Whatever is typed or pasted ("ABCD EFGH", "abcd-efgh"), as the API's xxxx-xxxx. */
export const normaliseRecoveryCode = (value: string): string => {
  const chars = value
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 8);
  return chars.length > 4 ? `${chars.slice(0, 4)}-${chars.slice(4)}` : chars;
};

const failureOf = (error: unknown): LoginFailure =>
  error instanceof LoginError ? error.code : 'unavailable';

export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();

  const [step, setStep] = useState<Step>('credentials');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [secondFactor, setSecondFactor] = useState<SecondFactor>('app');
  const [showPassword, setShowPassword] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const totpInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Someone with a live session who lands here goes straight to the dashboard.
    checkAuth({}, false)
      .then(() => navigate('/'))
      .catch(() => undefined);
  }, [checkAuth, navigate]);

  const emailMissing = email.trim() === '';
  const passwordMissing = password === '';
  const usesRecovery = secondFactor === 'recovery';
  const totpMalformed = !(usesRecovery ? RECOVERY_PATTERN : TOTP_PATTERN).test(totp);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (step === 'credentials' ? emailMissing || passwordMissing : totpMalformed) return;

    const params: LoginParams = { email: email.trim(), password };
    if (step === 'totp') params.totp = totp;
    setSubmitting(true);
    setProblem(null);
    try {
      await login(params);
    } catch (error) {
      const failure = failureOf(error);
      setSubmitted(false);
      if (step === 'credentials' && failure === 'mfa_required') {
        setStep('totp');
        setTotp('');
        return;
      }
      // Past the password, a refusal can only be about the code.
      const aboutCode =
        step === 'totp' &&
        (failure === 'mfa_invalid' || failure === 'mfa_required' || failure === 'invalid_credentials');
      const shown: Problem = aboutCode ? (usesRecovery ? 'recovery_invalid' : 'mfa_invalid') : failure;
      setProblem(shown);
      // Clear and focus what must be typed again, so a retry needs no mouse.
      if (shown === 'invalid_credentials') {
        setPassword('');
        passwordInput.current?.focus();
      }
      if (aboutCode) {
        setTotp('');
        totpInput.current?.focus();
      }
    } finally {
      setSubmitting(false);
    }
  };

  const backToCredentials = () => {
    setStep('credentials');
    setSecondFactor('app');
    setPassword('');
    setTotp('');
    setProblem(null);
    setSubmitted(false);
  };

  const switchSecondFactor = () => {
    setSecondFactor(usesRecovery ? 'app' : 'recovery');
    setTotp('');
    setProblem(null);
    setSubmitted(false);
    totpInput.current?.focus();
  };

  const totpMessage = (key: string) => translate(`vigie.login.${usesRecovery ? 'recovery' : 'totp'}.${key}`);

  return (
    <SignedOutShell>
      <Box component="form" noValidate onSubmit={submit}>
        {problem && (
          <Alert severity={problem === 'mfa_enrolment_required' ? 'warning' : 'error'} sx={{ mb: 2 }}>
            {translate(`vigie.login.errors.${problem}`)}
          </Alert>
        )}

        {step === 'credentials' ? (
          <>
            <TextField
              name="email"
              type="email"
              label={translate('vigie.login.email')}
              autoComplete="username"
              autoFocus
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={submitted && emailMissing}
              helperText={submitted && emailMissing ? translate('vigie.login.required') : undefined}
              size="medium"
              margin="normal"
            />
            <TextField
              name="password"
              inputRef={passwordInput}
              type={showPassword ? 'text' : 'password'}
              label={translate('vigie.login.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={submitted && passwordMissing}
              helperText={submitted && passwordMissing ? translate('vigie.login.required') : undefined}
              size="medium"
              margin="normal"
              slotProps={{
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      <IconButton
                        edge="end"
                        onClick={() => setShowPassword((shown) => !shown)}
                        aria-label={translate(
                          showPassword ? 'vigie.login.hide_password' : 'vigie.login.show_password',
                        )}
                      >
                        {showPassword ? (
                          <VisibilityOff fontSize="small" />
                        ) : (
                          <Visibility fontSize="small" />
                        )}
                      </IconButton>
                    </InputAdornment>
                  ),
                },
              }}
            />
          </>
        ) : (
          <>
            <Typography component="h2" variant="subtitle1">
              {translate('vigie.login.totp.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, mb: 1 }}>
              {usesRecovery
                ? translate('vigie.login.recovery.hint')
                : translate('vigie.login.totp.hint', { email: email.trim() })}
            </Typography>
            <TextField
              // A new input per kind of code, so that the browser's autofill and focus follow.
              key={secondFactor}
              name="totp"
              inputRef={totpInput}
              label={totpMessage('label')}
              autoComplete={usesRecovery ? 'off' : 'one-time-code'}
              autoFocus
              required
              value={totp}
              onChange={(event) =>
                setTotp(
                  usesRecovery
                    ? normaliseRecoveryCode(event.target.value)
                    : event.target.value.replace(/\D/g, '').slice(0, 6),
                )
              }
              error={submitted && totpMalformed}
              helperText={submitted && totpMalformed ? totpMessage('invalid_format') : undefined}
              size="medium"
              margin="normal"
              slotProps={{
                htmlInput: {
                  inputMode: usesRecovery ? 'text' : 'numeric',
                  pattern: usesRecovery ? '[a-z0-9]{4}-[a-z0-9]{4}' : '[0-9]*',
                  maxLength: usesRecovery ? 9 : 6,
                  spellCheck: false,
                  autoCapitalize: 'off',
                  style: {
                    fontSize: '1.5rem',
                    letterSpacing: usesRecovery ? '0.2em' : '0.5em',
                    textAlign: 'center',
                  },
                },
              }}
            />
            <Button
              size="small"
              onClick={switchSecondFactor}
              disabled={submitting}
              data-testid="second-factor-switch"
              sx={{ px: 0.5, mt: -0.5 }}
            >
              {translate(usesRecovery ? 'vigie.login.recovery.use_app' : 'vigie.login.recovery.use_code')}
            </Button>
          </>
        )}

        <Button
          type="submit"
          variant="contained"
          size="large"
          fullWidth
          disabled={submitting}
          sx={{ mt: 2.5 }}
        >
          {submitting ? (
            <CircularProgress size={24} color="inherit" aria-label={translate('ra.page.loading')} />
          ) : (
            translate(step === 'credentials' ? 'vigie.login.submit' : 'vigie.login.totp.submit')
          )}
        </Button>
        {step === 'totp' && (
          <Button fullWidth onClick={backToCredentials} disabled={submitting} sx={{ mt: 1 }}>
            {translate('vigie.login.totp.back')}
          </Button>
        )}
      </Box>
    </SignedOutShell>
  );
};
