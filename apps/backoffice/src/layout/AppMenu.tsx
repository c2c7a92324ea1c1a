import type { StaffRole } from '@vigie/contracts';
import { Menu, usePermissions } from 'react-admin';
import { SCREENS } from '../navigation/screens';
import { canAccess } from '../permissions';

export const AppMenu = () => {
  const { permissions } = usePermissions<StaffRole[]>();
  const roles = permissions ?? [];
  return (
    <Menu>
      <Menu.DashboardItem />
      {SCREENS.filter((screen) => canAccess(roles, screen.action)).map(({ id, path, icon: Icon }) => (
        <Menu.Item key={id} to={path} primaryText={`vigie.menu.${id}`} leftIcon={<Icon />} />
      ))}
    </Menu>
  );
};
