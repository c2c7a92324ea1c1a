import { Chip, Stack } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { STAFF_ROLES, type StaffRole } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import { roleColours } from '../theme';

interface RoleChipProps {
  role: StaffRole;
}

export const RoleChip = ({ role }: RoleChipProps) => {
  const translate = useTranslate();
  const colour = roleColours[role];
  return (
    <Chip
      label={translate(`vigie.roles.${role}`)}
      size="small"
      data-role={role}
      sx={{
        color: colour,
        bgcolor: alpha(colour, 0.08),
        border: `1px solid ${alpha(colour, 0.32)}`,
      }}
    />
  );
};

interface RoleChipsProps {
  roles: readonly StaffRole[];
}

/** The roles in the contract's order, whatever order they were stored in. */
export const RoleChips = ({ roles }: RoleChipsProps) => (
  <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap' }}>
    {STAFF_ROLES.filter((role) => roles.includes(role)).map((role) => (
      <RoleChip key={role} role={role} />
    ))}
  </Stack>
);
