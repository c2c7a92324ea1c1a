import { Box, Checkbox, FormControl, FormHelperText, FormLabel, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { STAFF_ROLES, type StaffRole } from '@vigie/contracts';
import { InputHelperText, useInput, useTranslate } from 'react-admin';
import { roleColours } from '../theme';

const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

const isStaffRole = (value: unknown): value is StaffRole =>
  typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);

/** At least one role: the API refuses an account without any. */
export const validateRoles = (value: unknown): string | undefined =>
  Array.isArray(value) && value.some(isStaffRole) ? undefined : 'vigie.errors.fields.roles_required';

/** The roles a form sends, in the contract's order and each once, whatever order they were ticked in. */
export const normaliseRoles = (value: unknown): StaffRole[] =>
  Array.isArray(value) ? STAFF_ROLES.filter((role) => value.includes(role)) : [];

interface RolesInputProps {
  /** Roles that cannot be unticked here, with the reason shown under them. */
  locked?: { roles: readonly StaffRole[]; reason: string };
}

/** The roles as cards to tick, each with what it lets the person do. */
export const RolesInput = ({ locked }: RolesInputProps) => {
  const translate = useTranslate();
  const {
    field,
    fieldState: { error, invalid },
    id,
  } = useInput<StaffRole[]>({ source: 'roles', validate: validateRoles, defaultValue: [] });
  const selected = normaliseRoles(field.value);

  const toggle = (role: StaffRole, checked: boolean) => {
    field.onChange(normaliseRoles(checked ? [...selected, role] : selected.filter((r) => r !== role)));
    field.onBlur();
  };

  return (
    <FormControl component="fieldset" error={invalid} sx={{ mt: 1, mb: 0.5 }}>
      {/* The form's section title shows it; the legend is for screen readers. */}
      <FormLabel component="legend" id={`${id}-label`} sx={visuallyHidden}>
        {translate('resources.staff.fields.roles')}
      </FormLabel>
      <Box
        role="group"
        aria-labelledby={`${id}-label`}
        sx={{ display: 'grid', gap: 1.25, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}
      >
        {STAFF_ROLES.map((role) => {
          const checked = selected.includes(role);
          const isLocked = checked && (locked?.roles.includes(role) ?? false);
          const colour = roleColours[role];
          const inputId = `${id}-${role}`;
          return (
            <Box
              key={role}
              component="label"
              htmlFor={inputId}
              sx={(theme) => ({
                display: 'flex',
                alignItems: 'flex-start',
                gap: 1,
                p: 1.5,
                pl: 1,
                borderRadius: '10px',
                border: `1px solid ${checked ? alpha(colour, 0.55) : theme.palette.divider}`,
                bgcolor: checked ? alpha(colour, 0.05) : 'background.paper',
                cursor: isLocked ? 'default' : 'pointer',
                transition: 'border-color 120ms, background-color 120ms',
                '&:hover': isLocked ? undefined : { borderColor: alpha(colour, 0.55) },
              })}
            >
              <Checkbox
                id={inputId}
                name="roles"
                value={role}
                checked={checked}
                disabled={isLocked}
                onChange={(event) => toggle(role, event.target.checked)}
                size="small"
                sx={{ p: 0.5, color: alpha(colour, 0.7), '&.Mui-checked': { color: colour } }}
              />
              <Box sx={{ pt: 0.25 }}>
                <Typography
                  variant="body2"
                  sx={{ fontWeight: 600, color: checked ? colour : 'text.primary' }}
                >
                  {translate(`vigie.roles.${role}`)}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25, lineHeight: 1.45 }}>
                  {translate(`vigie.staff.role_descriptions.${role}`)}
                </Typography>
                {isLocked && locked && (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
                    {locked.reason}
                  </Typography>
                )}
              </Box>
            </Box>
          );
        })}
      </Box>
      <FormHelperText>
        <InputHelperText error={error?.message} helperText="vigie.staff.roles_helper" />
      </FormHelperText>
    </FormControl>
  );
};
