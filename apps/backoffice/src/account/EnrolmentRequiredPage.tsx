import PhonelinkLockOutlined from '@mui/icons-material/PhonelinkLockOutlined';
import { Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import { STAFF_ROLES } from '@vigie/contracts';
import { Title, useGetIdentity, useNavigate, useTranslate } from 'react-admin';
import { isStaffSessionIdentity } from '../providers/authProvider';
import { MfaEnrolment } from './MfaEnrolment';
import { useRefreshSession } from './useRefreshSession';
import { IconBadge } from '../components/IconBadge';

/**
 * What someone whose roles require a second factor sees until they have one: only this.
 * The API answers nothing else to their session, so nothing else is offered.
 */
export const EnrolmentRequiredPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const refreshSession = useRefreshSession();
  const { identity } = useGetIdentity();
  const roles = isStaffSessionIdentity(identity)
    ? STAFF_ROLES.filter((role) => identity.roles.includes(role))
    : [];

  const done = async () => {
    await refreshSession();
    navigate('/');
  };

  return (
    <Box sx={{ maxWidth: 800, mx: 'auto', py: { md: 2 } }}>
      <Title title="vigie.enrolment.page_title" />
      <Card>
        <CardContent sx={{ p: { xs: 3, md: 4 } }}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2.5}>
            <IconBadge size={52}>
              <PhonelinkLockOutlined />
            </IconBadge>
            <Box>
              <Typography component="h1" variant="h5">
                {translate('vigie.enrolment.title')}
              </Typography>
              <Typography sx={{ mt: 1 }}>
                {translate('vigie.enrolment.why', {
                  roles: roles.map((role) => translate(`vigie.roles.${role}`)).join(', '),
                })}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {translate('vigie.enrolment.how')}
              </Typography>
            </Box>
          </Stack>
          <Divider sx={{ my: 3 }} />
          <MfaEnrolment onDone={done} />
        </CardContent>
      </Card>
    </Box>
  );
};
