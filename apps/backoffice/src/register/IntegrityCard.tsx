import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import { Alert, Box, Button, Card, LinearProgress, Stack, Typography } from '@mui/material';
import type { RegisterVerification } from '@vigie/contracts';
import { useState } from 'react';
import { useLogoutIfAccessDenied, useTranslate } from 'react-admin';
import { IconBadge } from '../components/IconBadge';
import { type RegisterApi, registerApi } from './registerApi';
import { errorMessageKey } from '../common/errorMessageKey';
import { ScheduledVerification } from './ScheduledVerification';
import { VerificationResult } from './VerificationResult';

type VerificationState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: RegisterVerification }
  | { kind: 'failed'; message: string };

/** Recomputes the chain on demand (never on its own: it can take seconds) and says what it found. */
export const IntegrityCard = ({ api = registerApi }: { api?: RegisterApi }) => {
  const translate = useTranslate();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [state, setState] = useState<VerificationState>({ kind: 'idle' });

  const verify = async () => {
    setState({ kind: 'running' });
    try {
      setState({ kind: 'done', result: await api.verify() });
    } catch (error) {
      // An expired session signs out (checkError); any other failure is said where the answer would be.
      if (await logoutIfAccessDenied(error)) return;
      const key = errorMessageKey(error);
      setState({ kind: 'failed', message: translate(key, { _: key }) });
    }
  };

  const running = state.kind === 'running';
  return (
    <Card component="section" aria-labelledby="register-integrity-title" sx={{ flex: 3, minWidth: 0 }}>
      <Box sx={{ p: 2.5 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
          <IconBadge size={36}>
            <VerifiedUserOutlined sx={{ fontSize: 20 }} />
          </IconBadge>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography id="register-integrity-title" component="h2" variant="subtitle1">
              {translate('vigie.register.integrity.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
              {translate('vigie.register.integrity.explanation')}
            </Typography>
          </Box>
          <Button
            variant="contained"
            onClick={() => void verify()}
            disabled={running}
            sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}
          >
            {translate(
              state.kind === 'done'
                ? 'vigie.register.integrity.verify_again'
                : 'vigie.register.integrity.verify',
            )}
          </Button>
        </Stack>
        <ScheduledVerification api={api} />
        <Box sx={{ mt: 2 }} aria-live="polite">
          {state.kind === 'idle' && (
            <Typography variant="body2" color="text.secondary">
              {translate('vigie.register.integrity.not_yet')}
            </Typography>
          )}
          {running && (
            <Box data-testid="verification-running">
              <LinearProgress
                aria-label={translate('vigie.register.integrity.running')}
                sx={{ borderRadius: 2 }}
              />
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {translate('vigie.register.integrity.running')}
              </Typography>
            </Box>
          )}
          {state.kind === 'done' && <VerificationResult result={state.result} />}
          {state.kind === 'failed' && (
            <Alert severity="warning">
              {translate('vigie.register.integrity.failed', { message: state.message })}
            </Alert>
          )}
        </Box>
      </Box>
    </Card>
  );
};
