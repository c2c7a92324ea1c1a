import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Loading, Title, useGetIdentity, useTranslate } from 'react-admin';
import { PersonAvatar } from '../components/PersonAvatar';
import { RoleChips } from '../components/RoleChip';
import { isStaffSessionIdentity } from '../providers/authProvider';
import { PasswordChangeCard } from './PasswordChangeCard';
import { TwoFactorCard } from './TwoFactorCard';

/** Everyone's own page: who they are in Vigie, their password and their second factor. */
export const ProfilePage = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  if (isPending) return <Loading />;
  if (!isStaffSessionIdentity(identity)) return null;

  return (
    <Box sx={{ maxWidth: 880 }}>
      <Title title="vigie.profile.title" />
      <Stack spacing={2.5}>
        <Card>
          <CardContent sx={{ p: { xs: 2.5, md: 3 } }}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <PersonAvatar name={identity.fullName} size={52} />
              <Box sx={{ minWidth: 0 }}>
                <Typography component="h1" variant="h5">
                  {identity.fullName}
                </Typography>
                <Typography color="text.secondary">{identity.email}</Typography>
              </Box>
            </Stack>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mt: 2 }}>
              <Typography variant="body2" color="text.secondary">
                {translate('vigie.dashboard.your_roles')}
              </Typography>
              <RoleChips roles={identity.roles} />
            </Stack>
          </CardContent>
        </Card>
        <TwoFactorCard enabled={identity.mfaEnabled} />
        <PasswordChangeCard />
      </Stack>
    </Box>
  );
};
