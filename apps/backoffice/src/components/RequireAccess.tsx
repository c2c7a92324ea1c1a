import type { StaffRole } from '@vigie/contracts';
import type { ReactNode } from 'react';
import { AccessDenied, Loading, usePermissions } from 'react-admin';
import { type Action, canAccess } from '../permissions';

interface RequireAccessProps {
  action: Action;
  children: ReactNode;
}

/** Hiding a menu entry is not enough: a typed-in URL must be refused too. */
export const RequireAccess = ({ action, children }: RequireAccessProps) => {
  const { permissions, isPending } = usePermissions<StaffRole[]>();
  if (isPending) return <Loading />;
  return canAccess(permissions ?? [], action) ? children : <AccessDenied />;
};
