import type { StaffRole } from '@vigie/contracts';
import { Menu, usePermissions } from 'react-admin';
import { SCREENS, screenLabel } from './screens';
import { canAccess } from '../permissions';
import { OpenAlertsBadge } from '../alerts';

export const AppMenu = () => {
  const { permissions } = usePermissions<StaffRole[]>();
  const roles = permissions ?? [];
  return (
    <Menu>
      <Menu.DashboardItem />
      {SCREENS.filter((screen) => canAccess(roles, screen.action)).map((screen) => (
        <Menu.Item
          key={screen.id}
          to={screen.path}
          primaryText={screenLabel(screen)}
          leftIcon={
            screen.id === 'alerts' ? (
              <OpenAlertsBadge>
                <screen.icon />
              </OpenAlertsBadge>
            ) : (
              <screen.icon />
            )
          }
        />
      ))}
    </Menu>
  );
};
