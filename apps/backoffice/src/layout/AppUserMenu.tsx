import PersonOutlined from '@mui/icons-material/PersonOutlined';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { Logout, UserMenu, useTranslate, useUserMenu } from 'react-admin';
// The router's own link: react-admin's wraps MUI's Link, which the first load does not need.
import { Link } from 'react-router';

export const PROFILE_PATH = '/profile';

const ProfileMenuItem = () => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to={PROFILE_PATH} onClick={userMenu?.onClose}>
      <ListItemIcon>
        <PersonOutlined fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('vigie.user_menu.profile')}</ListItemText>
    </MenuItem>
  );
};

interface AppUserMenuProps {
  /** Only signing out: while a second factor must be enrolled, there is nowhere else to go. */
  signOutOnly?: boolean;
}

export const AppUserMenu = ({ signOutOnly = false }: AppUserMenuProps) => (
  <UserMenu>
    {!signOutOnly && <ProfileMenuItem />}
    <Logout />
  </UserMenu>
);
