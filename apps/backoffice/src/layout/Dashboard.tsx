import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import ArrowForward from '@mui/icons-material/ArrowForward';
import GavelOutlined from '@mui/icons-material/GavelOutlined';
import PolicyOutlined from '@mui/icons-material/PolicyOutlined';
import SupervisorAccountOutlined from '@mui/icons-material/SupervisorAccountOutlined';
import type SvgIcon from '@mui/material/SvgIcon';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Grid,
  Stack,
  Typography,
} from '@mui/material';
import { STAFF_ROLES, type StaffRole } from '@vigie/contracts';
import { Link, Loading, Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { RoleChips } from '../components/RoleChip';
import { SCREENS, screenLabel } from './screens';
import { canAccess } from '../permissions';
import { IconBadge } from '../components/IconBadge';
import { isStaffSessionIdentity } from '../providers/authProvider';
import { OpenAlertsCard } from '../alerts';
import { Suspense } from 'react';

const ROLE_ICONS: Record<StaffRole, typeof SvgIcon> = {
  moderator: GavelOutlined,
  lead: SupervisorAccountOutlined,
  dpo: PolicyOutlined,
  admin: AdminPanelSettingsOutlined,
};

const CAPABILITIES = ['can_1', 'can_2', 'can_3'] as const;

const RoleCard = ({ role }: { role: StaffRole }) => {
  const translate = useTranslate();
  const Icon = ROLE_ICONS[role];
  const screens = SCREENS.filter((screen) => canAccess([role], screen.action));
  return (
    <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ p: 3, flexGrow: 1 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1.5 }}>
          <IconBadge size={40}>
            <Icon fontSize="small" />
          </IconBadge>
          <Typography component="h2" variant="h6">
            {translate(`vigie.roles.${role}`)}
          </Typography>
        </Stack>
        <Typography sx={{ fontWeight: 500 }}>{translate(`vigie.dashboard.roles.${role}.summary`)}</Typography>
        <Box component="ul" sx={{ m: 0, mt: 1.5, pl: 2.5, color: 'text.secondary', '& li': { mb: 0.75 } }}>
          {CAPABILITIES.map((capability) => (
            <Typography component="li" variant="body2" key={capability}>
              {translate(`vigie.dashboard.roles.${role}.${capability}`)}
            </Typography>
          ))}
        </Box>
      </CardContent>
      {screens.length > 0 && (
        <CardActions sx={{ px: 3, pb: 2.5, pt: 0, flexWrap: 'wrap', gap: 1 }}>
          {screens.map((screen) => (
            <Button
              key={screen.id}
              component={Link}
              to={screen.path}
              variant="outlined"
              size="small"
              endIcon={<ArrowForward fontSize="small" />}
              sx={{ ml: '0 !important' }}
            >
              {translate(screenLabel(screen))}
            </Button>
          ))}
        </CardActions>
      )}
    </Card>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  const { identity, isPending: identityPending } = useGetIdentity();
  const { permissions, isPending: permissionsPending } = usePermissions<StaffRole[]>();
  if (identityPending || permissionsPending) return <Loading />;

  // Contract order, whatever order the API lists them in.
  const roles = STAFF_ROLES.filter((role) => permissions?.includes(role));
  // Given but not approved yet: they grant nothing, and the person should know why.
  const pendingRoles = isStaffSessionIdentity(identity) ? identity.pendingRoles : [];

  return (
    <Box sx={{ maxWidth: 1200 }}>
      <Title title="ra.page.dashboard" />
      <Box sx={{ mb: 3 }}>
        <Typography component="h1" variant="h4">
          {identity?.fullName
            ? translate('vigie.dashboard.greeting', { name: identity.fullName })
            : translate('vigie.dashboard.greeting_anonymous')}
        </Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          {translate('vigie.dashboard.intro')}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 2 }}>
          <Typography variant="body2" color="text.secondary" sx={{ mr: 0.5 }}>
            {translate('vigie.dashboard.your_roles')}
          </Typography>
          <RoleChips roles={roles} pending={pendingRoles} />
        </Stack>
      </Box>

      {pendingRoles.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2.5 }} data-testid="roles-pending">
          {translate('vigie.dashboard.pending_roles', {
            roles: pendingRoles.map((role) => translate(`vigie.roles.${role}`)).join(', '),
          })}
        </Alert>
      )}
      {canAccess(roles, 'alerts.view') && (
        <Suspense fallback={null}>
          <OpenAlertsCard />
        </Suspense>
      )}
      {roles.length === 0 && pendingRoles.length > 0 ? null : roles.length === 0 ? (
        <Alert severity="info">{translate('vigie.dashboard.no_roles')}</Alert>
      ) : (
        <Grid container spacing={2.5}>
          {roles.map((role) => (
            <Grid key={role} size={{ xs: 12, md: 6, xl: roles.length > 2 ? 3 : 6 }}>
              <RoleCard role={role} />
            </Grid>
          ))}
        </Grid>
      )}
    </Box>
  );
};
