import AutorenewOutlined from '@mui/icons-material/AutorenewOutlined';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import { IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import { PASSWORD_MIN_LENGTH } from '@vigie/contracts';
import { useState } from 'react';
import { FieldTitle, InputHelperText, minLength, required, useInput, useTranslate } from 'react-admin';
import { generatePassword } from './generatePassword';

const validatePassword = [
  required(),
  minLength(PASSWORD_MIN_LENGTH, 'vigie.errors.fields.password_too_short'),
];

/** The first password of an account, typed or generated, with the policy under it. */
export const InitialPasswordInput = () => {
  const translate = useTranslate();
  const [visible, setVisible] = useState(false);
  const {
    field,
    fieldState: { error, invalid },
    id,
    isRequired,
  } = useInput<string>({ source: 'password', validate: validatePassword, defaultValue: '' });

  const generate = () => {
    field.onChange(generatePassword());
    // A generated password is meant to be read and passed on.
    setVisible(true);
  };

  return (
    <TextField
      {...field}
      id={id}
      value={field.value ?? ''}
      type={visible ? 'text' : 'password'}
      autoComplete="new-password"
      label={<FieldTitle source="password" resource="staff" isRequired={isRequired} />}
      error={invalid}
      helperText={<InputHelperText error={error?.message} helperText="vigie.password_policy" />}
      slotProps={{
        htmlInput: {
          spellCheck: false,
          style: visible
            ? { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }
            : undefined,
        },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <Tooltip title={translate('vigie.staff.generate_password')}>
                <IconButton
                  onClick={generate}
                  aria-label={translate('vigie.staff.generate_password')}
                  size="small"
                >
                  <AutorenewOutlined fontSize="small" />
                </IconButton>
              </Tooltip>
              <IconButton
                onClick={() => setVisible((shown) => !shown)}
                aria-label={translate(visible ? 'vigie.login.hide_password' : 'vigie.login.show_password')}
                size="small"
                edge="end"
              >
                {visible ? <VisibilityOff fontSize="small" /> : <Visibility fontSize="small" />}
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
};
