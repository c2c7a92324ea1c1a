import { Box, Divider, Typography } from '@mui/material';
import { AppBar, TitlePortal, useTranslate } from 'react-admin';
import { BrandMark } from '../components/BrandMark';

export const AppAppBar = () => {
  const translate = useTranslate();
  return (
    <AppBar>
      <Box sx={{ display: { xs: 'none', sm: 'flex' }, alignItems: 'center', gap: 1.25, mr: 2 }}>
        <BrandMark size={28} />
        <Typography component="span" variant="h6" sx={{ fontWeight: 700, letterSpacing: '0.01em' }}>
          {translate('vigie.app.name')}
        </Typography>
      </Box>
      <Divider
        orientation="vertical"
        flexItem
        sx={{
          display: { xs: 'none', sm: 'block' },
          borderColor: 'rgba(255, 255, 255, 0.24)',
          my: 1.25,
          mr: 2,
        }}
      />
      <TitlePortal variant="subtitle1" sx={{ fontWeight: 500, opacity: 0.92 }} />
    </AppBar>
  );
};
