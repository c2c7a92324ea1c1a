import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import { Alert, Box, Button, Card, LinearProgress, Stack, Typography } from '@mui/material';
import type { RegisterVerification } from '@vigie/contracts';
import { type ChangeEvent, useRef, useState } from 'react';
import { useLocaleState, useLogoutIfAccessDenied, useTranslate } from 'react-admin';
import { IconBadge } from '../components/IconBadge';
import { type RegisterApi, registerApi } from './registerApi';
import { errorMessageKey } from '../common/errorMessageKey';
import { formatCount } from '../common/format';
import { refusalCodeOf } from '../providers/api';
import { ScheduledVerification } from './ScheduledVerification';
import { VerificationResult } from './VerificationResult';

type VerificationState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: RegisterVerification; against?: { sequence: number; name: string } }
  | { kind: 'failed'; message: string };

/** A file's text; FileReader, which every browser (and jsdom) has. */
const readText = (file: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsText(file);
  });

/** Recomputes the chain on demand (never on its own: it can take seconds) and says what it found. */
export const IntegrityCard = ({ api = registerApi }: { api?: RegisterApi }) => {
  const translate = useTranslate();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [state, setState] = useState<VerificationState>({ kind: 'idle' });

  const [locale] = useLocaleState();
  const fileInput = useRef<HTMLInputElement>(null);

  const failed = async (error: unknown) => {
    // An expired session signs out (checkError); any other failure is said where the answer would be.
    if (await logoutIfAccessDenied(error)) return;
    const code = refusalCodeOf(error);
    const key = code === 'checkpoint_unreadable' || code === 'checkpoint_signature_invalid'
      ? `vigie.register.integrity.${code}`
      : errorMessageKey(error);
    setState({ kind: 'failed', message: translate(key, { _: key }) });
  };

  const verify = async () => {
    setState({ kind: 'running' });
    try {
      setState({ kind: 'done', result: await api.verify() });
    } catch (error) {
      await failed(error);
    }
  };

  /** A checkpoint file the DPO kept outside Vigie, sent as it is: the API reads and checks it. */
  const verifyAgainst = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be chosen again
    if (!file) return;
    setState({ kind: 'running' });
    try {
      const text = await readText(file);
      const result = await api.verifyAgainst(text);
      const sequence = (JSON.parse(text) as { sequence: number }).sequence;
      setState({ kind: 'done', result, against: { sequence, name: file.name } });
    } catch (error) {
      await failed(error);
    }
  };

  const running = state.kind === 'running';
  return (
    <Card component="section" aria-labelledby="register-integrity-title" sx={{ flex: 1, minWidth: 0 }}>
      <Box sx={{ p: 2 }}>
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
        </Stack>
        {/* Under the explanation rather than beside it: the card stays low, the register's list in view. */}
        <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
            <Button
              variant="contained"
              size="small"
              onClick={() => void verify()}
              disabled={running}
              sx={{ whiteSpace: 'nowrap' }}
            >
              {translate(
                state.kind === 'done'
                  ? 'vigie.register.integrity.verify_again'
                  : 'vigie.register.integrity.verify',
              )}
            </Button>
            <Button
              variant="outlined"
              size="small"
              startIcon={<UploadFileOutlined />}
              onClick={() => fileInput.current?.click()}
              disabled={running}
              sx={{ whiteSpace: 'nowrap' }}
            >
              {translate('vigie.register.integrity.against_file')}
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              data-testid="checkpoint-upload"
              aria-label={translate('vigie.register.integrity.against_file')}
              onChange={(event) => void verifyAgainst(event)}
            />
        </Stack>
        <ScheduledVerification api={api} />
        <Box sx={{ mt: 1.5 }} aria-live="polite">
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
          {state.kind === 'done' && state.against && (
            <Typography variant="body2" sx={{ mb: 1, fontWeight: 600 }} data-testid="verified-against">
              {translate('vigie.register.integrity.against', {
                sequence: formatCount(state.against.sequence, locale),
                name: state.against.name,
              })}
            </Typography>
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
