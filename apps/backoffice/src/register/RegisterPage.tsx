import { Box, Stack } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { PageHeader } from '../components/PageHeader';
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
      <PageHeader
        title={translate('vigie.register.title')}
        intro={translate('vigie.register.intro')}
        noContent={translate('vigie.register.no_content')}
      />
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <IntegrityCard />
        <CheckpointsCard />
      </Stack>
      <RegisterList />
    </Box>
  );
};
