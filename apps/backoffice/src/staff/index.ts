import GroupOutlined from '@mui/icons-material/GroupOutlined';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';
import type { ScreenRoute } from '../common/screenRoute';

// Only admins open these screens: they load on demand, outside the first bundle.
const StaffList = lazy(() => import('./StaffList').then((module) => ({ default: module.StaffList })));
const StaffCreate = lazy(() => import('./StaffCreate').then((module) => ({ default: module.StaffCreate })));
const StaffEdit = lazy(() => import('./StaffEdit').then((module) => ({ default: module.StaffEdit })));

/** The public page of a password link: outside the signed-in layout, reached without a session. */
export const setPasswordRoute: ScreenRoute = {
  path: '/set-password',
  Page: lazy(() => import('./SetPasswordPage').then((module) => ({ default: module.SetPasswordPage }))),
};

/** Four eyes on roles: leads and admins approve the roles others gave. */
export const roleRequestsRoute: ScreenRoute = {
  path: '/role-requests',
  action: 'staff.approve_roles',
  Page: lazy(() => import('./RoleRequestsPage').then((module) => ({ default: module.RoleRequestsPage }))),
};

/** The staff accounts, for admins (`staff.manage`, checked by the authProvider's canAccess). */
export const staffResource = {
  name: 'staff',
  list: StaffList,
  create: StaffCreate,
  edit: StaffEdit,
  icon: GroupOutlined,
  recordRepresentation: 'name',
} satisfies ResourceProps;
