import { Box, Divider, Typography } from '@mui/material';
import { AppBar, TitlePortal, useTranslate } from 'react-admin';
import { BrandMark } from '../components/BrandMark';
import { AppUserMenu } from './AppUserMenu';

interface VigieAppBarProps {
  /** The bar of a page shown alone: no menu to open, no profile to visit. */
  focused: boolean;
}

const VigieAppBar = ({ focused }: VigieAppBarProps) => {
  const translate = useTranslate();
  return (
    <AppBar
      userMenu={<AppUserMenu signOutOnly={focused} />}
      sx={
        focused
          ? { '& .RaAppBar-menuButton': { display: 'none' }, '& .RaAppBar-toolbar': { pl: 2 } }
          : undefined
      }
    >
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

export const AppAppBar = () => <VigieAppBar focused={false} />;

/** The app bar of the enrolment page. */
export const FocusedAppBar = () => <VigieAppBar focused />;
