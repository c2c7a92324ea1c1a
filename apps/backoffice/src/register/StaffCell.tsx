import { Box, Typography } from '@mui/material';
import { STAFF_ROLES, type AccessLogEntry, type StaffRole } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import { RoleChips } from '../components/RoleChip';
import { shortId } from '../common/format';

const isStaffRole = (value: string): value is StaffRole => (STAFF_ROLES as readonly string[]).includes(value);

/** Who asked: the name, and the roles they held then (the register records them at the time). */
export const StaffCell = ({ staff }: { staff: AccessLogEntry['staff'] }) => {
  const translate = useTranslate();
  const roles = staff.roles.filter(isStaffRole);
  const name = staff.name ?? translate('vigie.register.staff.unnamed');
  return (
    // No avatar: the register's table has eight columns to fit, and the name says who.
    <Box sx={{ minWidth: 0 }}>
      <Typography
        variant="body2"
        title={staff.name === null ? staff.id : undefined}
        sx={{ fontWeight: 600, color: staff.name === null ? 'text.secondary' : 'text.primary' }}
      >
        {name}
        {staff.name === null && ` (${shortId(staff.id)})`}
      </Typography>
      {roles.length > 0 ? (
        <Box
          sx={{
            mt: 0.25,
            '& .MuiStack-root': { gap: 0.5 },
            '& .MuiChip-root': { height: 20, fontSize: '0.6875rem' },
            '& .MuiChip-label': { px: 0.75 },
          }}
        >
          <RoleChips roles={roles} />
        </Box>
      ) : (
        <Typography variant="caption" color="text.secondary">
          {translate('vigie.register.staff.no_roles')}
        </Typography>
      )}
    </Box>
  );
};
