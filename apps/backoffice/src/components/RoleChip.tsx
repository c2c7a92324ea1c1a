import { Chip, Stack } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { STAFF_ROLES, type StaffRole } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import { roleColours } from '../theme';

interface RoleChipProps {
  role: StaffRole;
  /** Given but not approved yet: dashed, and said so. */
  pending?: boolean;
}

export const RoleChip = ({ role, pending = false }: RoleChipProps) => {
  const translate = useTranslate();
  const colour = roleColours[role];
  const label = translate(`vigie.roles.${role}`);
  return (
    <Chip
      label={pending ? `${label} · ${translate('vigie.staff.pending')}` : label}
      size="small"
      data-role={role}
      data-pending={pending || undefined}
      sx={{
        color: colour,
        bgcolor: pending ? 'transparent' : alpha(colour, 0.08),
        border: `1px ${pending ? 'dashed' : 'solid'} ${alpha(colour, pending ? 0.6 : 0.32)}`,
      }}
    />
  );
};

interface RoleChipsProps {
  roles: readonly StaffRole[];
  /** Roles waiting for a second person's approval, shown after the approved ones. */
  pending?: readonly StaffRole[];
}

/** The roles in the contract's order, whatever order they were stored in. */
export const RoleChips = ({ roles, pending = [] }: RoleChipsProps) => (
  <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap' }}>
    {STAFF_ROLES.filter((role) => roles.includes(role)).map((role) => (
      <RoleChip key={role} role={role} />
    ))}
    {STAFF_ROLES.filter((role) => pending.includes(role)).map((role) => (
      <RoleChip key={`pending-${role}`} role={role} pending />
    ))}
  </Stack>
);
