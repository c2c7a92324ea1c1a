import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import LockResetOutlined from '@mui/icons-material/LockResetOutlined';
import { Alert, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { PASSWORD_MIN_LENGTH } from '@vigie/contracts';
import { useCallback, useState } from 'react';
import {
  Form,
  HttpError,
  PasswordInput,
  SaveButton,
  minLength,
  required,
  useLocaleState,
  useNavigate,
  useTranslate,
} from 'react-admin';
import { useLocation } from 'react-router';
import { errorMessageKey } from '../common/errorMessageKey';
import { useApiData } from '../common/useApiData';
import { formatDateTime } from '../i18n/relativeTime';
import { type StaffApi, staffApi, tokenOf } from './staffApi';
import { SignedOutShell } from '../components/SignedOutShell';

const MESSAGES = 'vigie.staff_access.set_password';

interface NewPassword {
  password?: string;
  confirmPassword?: string;
}

// The API checks the rest of the policy (common passwords, the e-mail address) and says so on the input.
const validatePassword = [
  required(),
  minLength(PASSWORD_MIN_LENGTH, 'vigie.errors.fields.password_too_short'),
];
const sameAsPassword = (value: unknown, values: NewPassword) =>
  value === values.password ? undefined : `${MESSAGES}.mismatch`;

/**
 * The public page of a password link (`/#/set-password?token=…`): whose account it is, then the
 * password the person chooses. Then they sign in, and enrol MFA as anyone does.
 */
export const SetPasswordPage = ({ api = staffApi }: { api?: StaffApi }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [locale] = useLocaleState();
  const token = tokenOf(useLocation().search);
  const inspect = useCallback(
    () => (token ? api.inspectLink(token) : Promise.reject(new Error('no token'))),
    [api, token],
  );
  const { data: link, error, isPending } = useApiData(inspect);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: NewPassword) => {
    setFailure(null);
    try {
      await api.setPassword(token, values.password ?? '');
    } catch (failed) {
      if (failed instanceof HttpError && failed.status === 400 && failed.body?.errors)
        return failed.body.errors;
      const key = errorMessageKey(failed);
      setFailure(translate(key, { _: key }));
      return undefined;
    }
    setDone(true);
    return undefined;
  };

  const linkProblem =
    token === ''
      ? translate(`${MESSAGES}.no_token`)
      : error !== null
        ? translate(errorMessageKey(error), { _: errorMessageKey(error) })
        : null;

  return (
    <SignedOutShell>
      <Typography component="h2" variant="h6" sx={{ mb: 1 }}>
        {translate(done ? `${MESSAGES}.done_title` : `${MESSAGES}.title`)}
      </Typography>
      {done ? (
        <Stack spacing={2} data-testid="password-set">
          <Alert icon={<CheckCircleOutlined />} severity="success">
            {translate(`${MESSAGES}.done_body`)}
          </Alert>
          <Button
            variant="contained"
            size="large"
            fullWidth
            onClick={() => navigate('/login')}
            data-testid="go-sign-in"
          >
            {translate(`${MESSAGES}.sign_in`)}
          </Button>
        </Stack>
      ) : linkProblem ? (
        <Alert severity="error" data-testid="link-problem">
          {linkProblem}
        </Alert>
      ) : isPending || !link ? (
        <Stack spacing={1}>
          <Typography variant="body2" color="text.secondary">
            {translate(`${MESSAGES}.checking`)}
          </Typography>
          <LinearProgress />
        </Stack>
      ) : (
        <>
          <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="link-account">
            {translate(`${MESSAGES}.for`, {
              name: link.name,
              email: link.email,
            })}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(`${MESSAGES}.expires`, {
              date: formatDateTime(new Date(link.expiresAt), locale),
            })}
          </Typography>
          <Form onSubmit={submit} noValidate>
            {/* Lets password managers file the new password under the right account. */}
            <input type="hidden" name="username" autoComplete="username" value={link.email} readOnly />
            <PasswordInput
              source="password"
              label={`${MESSAGES}.password`}
              autoComplete="new-password"
              validate={validatePassword}
              helperText="vigie.password_policy"
              fullWidth
            />
            <PasswordInput
              source="confirmPassword"
              label={`${MESSAGES}.confirm`}
              autoComplete="new-password"
              validate={[required(), sameAsPassword]}
              helperText={false}
              fullWidth
            />
            {failure && (
              <Alert severity="error" sx={{ mt: 1 }} role="alert">
                {failure}
              </Alert>
            )}
            <SaveButton
              label={`${MESSAGES}.submit`}
              icon={<LockResetOutlined />}
              fullWidth
              size="large"
              sx={{ mt: 2 }}
              alwaysEnable
            />
          </Form>
        </>
      )}
    </SignedOutShell>
  );
};
