import LockResetOutlined from '@mui/icons-material/LockResetOutlined';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { PASSWORD_MIN_LENGTH } from '@vigie/contracts';
import {
  Form,
  HttpError,
  PasswordInput,
  SaveButton,
  minLength,
  required,
  useNotify,
  useTranslate,
} from 'react-admin';
import { accountApi } from './accountApi';

interface PasswordChange {
  currentPassword?: string;
  newPassword?: string;
  confirmPassword?: string;
}

// The API checks the rest of the policy (common passwords, the e-mail address) and says so on the input.
const validateNewPassword = [
  required(),
  minLength(PASSWORD_MIN_LENGTH, 'vigie.errors.fields.password_too_short'),
];

const sameAsNewPassword = (value: unknown, values: PasswordChange) =>
  value === values.newPassword ? undefined : 'vigie.profile.password.mismatch';

/** Changing one's own password; the API closes the person's other sessions. */
export const PasswordChangeCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  // A new key empties the form after a change, without keeping what was typed in memory.
  const [formKey, setFormKey] = useState(0);

  const submit = async (values: PasswordChange) => {
    try {
      await accountApi.changePassword(values.currentPassword ?? '', values.newPassword ?? '');
    } catch (error) {
      if (error instanceof HttpError && error.body?.errors) return error.body.errors;
      notify(error instanceof Error ? error.message : 'vigie.errors.unavailable', { type: 'error' });
      return undefined;
    }
    notify('vigie.profile.password.changed', { type: 'success' });
    setFormKey((key) => key + 1);
    return undefined;
  };

  return (
    <Card>
      <CardContent sx={{ p: { xs: 2.5, md: 3 } }}>
        <Typography component="h2" variant="h6">
          {translate('vigie.profile.password.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, mb: 1.5 }}>
          {translate('vigie.profile.password.intro')}
        </Typography>
        <Form key={formKey} onSubmit={submit} noValidate>
          <Stack sx={{ maxWidth: 440, alignItems: 'flex-start' }}>
            <PasswordInput
              source="currentPassword"
              label="vigie.profile.password.current"
              autoComplete="current-password"
              validate={required()}
              helperText={false}
            />
            <PasswordInput
              source="newPassword"
              label="vigie.profile.password.new"
              autoComplete="new-password"
              validate={validateNewPassword}
              helperText="vigie.password_policy"
            />
            <PasswordInput
              source="confirmPassword"
              label="vigie.profile.password.confirm"
              autoComplete="new-password"
              validate={[required(), sameAsNewPassword]}
              helperText={false}
            />
            <SaveButton
              label="vigie.profile.password.submit"
              icon={<LockResetOutlined />}
              variant="outlined"
              sx={{ mt: 1.5 }}
            />
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
};
