import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  IconButton,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { HttpError, useNotify, useTranslate } from 'react-admin';
import { type MfaEnrolment as Enrolment, accountApi } from './accountApi';
import { RecoveryCodes } from './RecoveryCodes';

const CODE_PATTERN = /^\d{6}$/;
const MONOSPACE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

/** What to say about a failed call: the API error's message (an i18n key when the code is known). */
const problemOf = (error: unknown): string =>
  error instanceof HttpError ? error.message : 'vigie.errors.unavailable';

/** The secret in groups of four, for people who type it in; the text itself stays unbroken. */
const SecretText = ({ secret }: { secret: string }) => (
  <Box
    component="code"
    data-testid="mfa-secret"
    sx={{ fontFamily: MONOSPACE, fontSize: '0.95rem', letterSpacing: '0.04em', wordBreak: 'break-all' }}
  >
    {secret.match(/.{1,4}/g)?.map((group, index) => (
      <Box component="span" key={index} sx={{ mr: '0.6em', display: 'inline-block' }}>
        {group}
      </Box>
    ))}
  </Box>
);

interface MfaEnrolmentProps {
  /** After the recovery codes are saved. */
  onDone: () => Promise<void> | void;
  /** Offered while no code is confirmed yet; absent when enrolment cannot be put off. */
  onCancel?: () => void;
}

type Step =
  | { name: 'starting' }
  | { name: 'failed'; problem: string }
  | { name: 'scan'; enrolment: Enrolment }
  | { name: 'codes'; codes: string[] };

/**
 * Enrolling an authenticator app: the QR code and the secret, a code to prove the app works,
 * then the recovery codes. Mounting it starts an enrolment (a new secret): mount it when the
 * person asks for it.
 */
export const MfaEnrolment = ({ onDone, onCancel }: MfaEnrolmentProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [step, setStep] = useState<Step>({ name: 'starting' });
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  // Each start makes a new secret: React's development double effects must not start twice.
  const started = useRef(false);

  const start = useCallback(() => {
    setStep({ name: 'starting' });
    accountApi.startMfaEnrolment().then(
      (enrolment) => setStep({ name: 'scan', enrolment }),
      (error: unknown) => setStep({ name: 'failed', problem: problemOf(error) }),
    );
  }, []);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start();
  }, [start]);

  const activate = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!CODE_PATTERN.test(code)) {
      setCodeProblem('vigie.login.totp.invalid_format');
      codeInput.current?.focus();
      return;
    }
    setBusy(true);
    setCodeProblem(null);
    try {
      const codes = await accountApi.activateMfa(code);
      notify('vigie.mfa.activated', { type: 'success' });
      setStep({ name: 'codes', codes });
    } catch (error) {
      setCodeProblem(problemOf(error));
      setCode('');
      codeInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const finish = async () => {
    setBusy(true);
    try {
      await onDone();
    } finally {
      setBusy(false);
    }
  };

  const copySecret = async (secret: string) => {
    try {
      await navigator.clipboard.writeText(secret);
      notify('vigie.mfa.secret_copied', { type: 'success' });
    } catch {
      notify('vigie.mfa.copy_failed', { type: 'warning' });
    }
  };

  if (step.name === 'starting') {
    return (
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', py: 3 }}>
        <CircularProgress size={20} />
        <Typography color="text.secondary">{translate('vigie.mfa.starting')}</Typography>
      </Stack>
    );
  }

  if (step.name === 'failed') {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={start}>
            {translate('ra.action.refresh')}
          </Button>
        }
      >
        {translate(step.problem, { _: step.problem })}
      </Alert>
    );
  }

  if (step.name === 'codes') return <RecoveryCodes codes={step.codes} onSaved={finish} saving={busy} />;

  const { enrolment } = step;
  return (
    <Box component="form" noValidate onSubmit={activate}>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={{ xs: 2, sm: 3.5 }}
        sx={{ alignItems: { sm: 'flex-start' } }}
      >
        <Box
          component="img"
          src={enrolment.qrCodeDataUrl}
          alt={translate('vigie.mfa.qr_alt')}
          data-testid="mfa-qr"
          width={184}
          height={184}
          sx={{
            flexShrink: 0,
            p: 1,
            bgcolor: '#fff',
            border: 1,
            borderColor: 'divider',
            borderRadius: '12px',
            imageRendering: 'pixelated',
            alignSelf: { xs: 'center', sm: 'flex-start' },
          }}
        />
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Typography variant="subtitle2">{translate('vigie.mfa.step_scan')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {translate('vigie.mfa.apps')}
          </Typography>

          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            {translate('vigie.mfa.manual')}
          </Typography>
          <Stack
            direction="row"
            spacing={1}
            sx={{
              mt: 0.75,
              pl: 1.5,
              pr: 0.5,
              py: 0.5,
              alignItems: 'center',
              bgcolor: 'background.default',
              border: 1,
              borderColor: 'divider',
              borderRadius: '8px',
            }}
          >
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <SecretText secret={enrolment.secret} />
            </Box>
            <Tooltip title={translate('vigie.mfa.copy_secret')}>
              <IconButton
                size="small"
                onClick={() => copySecret(enrolment.secret)}
                aria-label={translate('vigie.mfa.copy_secret')}
              >
                <ContentCopyOutlined fontSize="small" />
              </IconButton>
            </Tooltip>
          </Stack>

          <Typography variant="subtitle2" sx={{ mt: 3 }}>
            {translate('vigie.mfa.step_code')}
          </Typography>
          <Stack
            direction={{ xs: 'column', sm: 'row' }}
            spacing={1.5}
            sx={{ mt: 1.5, alignItems: { sm: 'stretch' } }}
          >
            <TextField
              name="code"
              inputRef={codeInput}
              label={translate('vigie.login.totp.label')}
              autoComplete="one-time-code"
              autoFocus
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
              error={codeProblem !== null}
              fullWidth={false}
              margin="none"
              sx={{ width: { sm: 200 } }}
              slotProps={{
                htmlInput: {
                  inputMode: 'numeric',
                  pattern: '[0-9]*',
                  maxLength: 6,
                  style: {
                    fontSize: '1.25rem',
                    letterSpacing: '0.4em',
                    textAlign: 'center',
                    fontFamily: MONOSPACE,
                  },
                },
              }}
            />
            <Button type="submit" variant="contained" disabled={busy} sx={{ minWidth: 96 }}>
              {busy ? <CircularProgress size={20} color="inherit" /> : translate('vigie.mfa.confirm')}
            </Button>
            {onCancel && (
              <Button onClick={onCancel} disabled={busy}>
                {translate('ra.action.cancel')}
              </Button>
            )}
          </Stack>
          {codeProblem && (
            <Alert severity="error" sx={{ mt: 1.5 }}>
              {translate(codeProblem, { _: codeProblem })}
            </Alert>
          )}
        </Box>
      </Stack>
    </Box>
  );
};
