import VisibilityOffOutlined from '@mui/icons-material/VisibilityOffOutlined';
import { Box, Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { RegisterList } from './RegisterList';
import { CheckpointsCard } from './CheckpointsCard';
import { IntegrityCard } from './IntegrityCard';

/** The DPO's screen: who read which reported conversation, when and why, and whether the register holds. */
export const RegisterPage = () => {
  const translate = useTranslate();
  return (
    // minWidth 0: a wide table scrolls inside its card instead of widening the page.
    <Box sx={{ maxWidth: 1440, minWidth: 0, width: '100%' }}>
      <Title title="vigie.register.title" />
      <Box sx={{ mt: 1, mb: 2 }}>
        <Typography component="h1" variant="h5">
          {translate('vigie.register.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 820 }}>
          {translate('vigie.register.intro')}
        </Typography>
        <Stack
          direction="row"
          spacing={0.75}
          sx={{ mt: 0.75, alignItems: 'center', color: 'text.secondary' }}
        >
          <VisibilityOffOutlined sx={{ fontSize: 16 }} aria-hidden />
          <Typography variant="caption">{translate('vigie.register.no_content')}</Typography>
        </Stack>
      </Box>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <IntegrityCard />
        <CheckpointsCard />
      </Stack>
      <RegisterList />
    </Box>
  );
};
