import LockOutlined from '@mui/icons-material/LockOutlined';
import { Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { BrandMark } from '../components/BrandMark';
import { LocaleToggle } from '../components/LocaleToggle';

/**
 * The pages seen before signing in (sign-in, choosing a password): the brand over a card, the
 * notice that access is recorded, the language toggle.
 */
export const SignedOutShell = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        p: 2,
        background:
          'radial-gradient(1200px 600px at 15% -10%, rgba(63, 154, 146, 0.35), transparent 60%), ' +
          'radial-gradient(900px 500px at 110% 110%, rgba(62, 122, 147, 0.35), transparent 60%), ' +
          'linear-gradient(160deg, #0b2a3a 0%, #0b3447 45%, #0c4a55 100%)',
      }}
    >
      <Card
        sx={{
          width: '100%',
          maxWidth: 420,
          border: 'none',
          borderRadius: '20px',
          boxShadow: '0 24px 60px -16px rgba(2, 16, 26, 0.55)',
        }}
      >
        <CardContent
          sx={{
            px: { xs: 3, sm: 5 },
            pt: { xs: 4, sm: 5 },
            pb: 2,
            '&:last-child': { pb: 2 },
          }}
        >
          <Stack spacing={1.25} sx={{ alignItems: 'center', textAlign: 'center', mb: 3.5 }}>
            <BrandMark size={52} />
            <Box>
              <Typography component="h1" variant="h4">
                {translate('vigie.app.name')}
              </Typography>
              <Typography variant="body1" color="text.secondary">
                {translate('vigie.app.tagline')}
              </Typography>
            </Box>
          </Stack>

          {children}

          <Stack
            direction="row"
            spacing={1}
            sx={{ alignItems: 'flex-start', mt: 3, color: 'text.secondary' }}
          >
            <LockOutlined sx={{ fontSize: 16, mt: '2px' }} aria-hidden />
            <Typography variant="caption" sx={{ lineHeight: 1.5 }}>
              {translate('vigie.login.notice')}
            </Typography>
          </Stack>

          <Divider sx={{ mt: 3, mb: 2 }} />
          <Stack sx={{ alignItems: 'center' }}>
            <LocaleToggle />
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
