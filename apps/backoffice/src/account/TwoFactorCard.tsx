import GppGoodOutlined from '@mui/icons-material/GppGoodOutlined';
import PhonelinkLockOutlined from '@mui/icons-material/PhonelinkLockOutlined';
import { Avatar, Box, Button, Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { MfaEnrolment } from './MfaEnrolment';
import { useRefreshSession } from './useRefreshSession';

interface TwoFactorCardProps {
  enabled: boolean;
}

/** The second factor: on (nothing to do), or off with the way to turn it on. */
export const TwoFactorCard = ({ enabled }: TwoFactorCardProps) => {
  const translate = useTranslate();
  const refreshSession = useRefreshSession();
  const [enrolling, setEnrolling] = useState(false);

  const done = async () => {
    await refreshSession();
    setEnrolling(false);
  };

  return (
    <Card>
      <CardContent sx={{ p: { xs: 2.5, md: 3 } }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Avatar
            variant="rounded"
            sx={(theme) => {
              const colour = enabled ? theme.palette.success.main : theme.palette.primary.main;
              return {
                width: 40,
                height: 40,
                borderRadius: '10px',
                bgcolor: alpha(colour, 0.1),
                color: colour,
              };
            }}
          >
            {enabled ? <GppGoodOutlined fontSize="small" /> : <PhonelinkLockOutlined fontSize="small" />}
          </Avatar>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography component="h2" variant="h6">
                {translate('vigie.profile.mfa.title')}
              </Typography>
              <Chip
                // A new chip rather than a colour transition: the state changes, it does not fade.
                key={String(enabled)}
                size="small"
                data-testid="mfa-status"
                label={translate(enabled ? 'vigie.profile.mfa.on' : 'vigie.profile.mfa.off')}
                color={enabled ? 'success' : 'default'}
                variant={enabled ? 'filled' : 'outlined'}
              />
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 640 }}>
              {translate(enabled ? 'vigie.profile.mfa.on_body' : 'vigie.profile.mfa.off_body')}
            </Typography>
            {!enabled && !enrolling && (
              <Button variant="contained" onClick={() => setEnrolling(true)} sx={{ mt: 2 }}>
                {translate('vigie.profile.mfa.enable')}
              </Button>
            )}
          </Box>
        </Stack>
        {!enabled && enrolling && (
          <>
            <Divider sx={{ my: 2.5 }} />
            <MfaEnrolment onDone={done} onCancel={() => setEnrolling(false)} />
          </>
        )}
      </CardContent>
    </Card>
  );
};
