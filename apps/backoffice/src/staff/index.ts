import GroupOutlined from '@mui/icons-material/GroupOutlined';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

// Only admins open these screens: they load on demand, outside the first bundle.
const StaffList = lazy(() => import('./StaffList').then((module) => ({ default: module.StaffList })));
const StaffCreate = lazy(() => import('./StaffCreate').then((module) => ({ default: module.StaffCreate })));
const StaffEdit = lazy(() => import('./StaffEdit').then((module) => ({ default: module.StaffEdit })));

/** The staff accounts, for admins (`staff.manage`, checked by the authProvider's canAccess). */
export const staffResource = {
  name: 'staff',
  list: StaffList,
  create: StaffCreate,
  edit: StaffEdit,
  icon: GroupOutlined,
  recordRepresentation: 'name',
} satisfies ResourceProps;
