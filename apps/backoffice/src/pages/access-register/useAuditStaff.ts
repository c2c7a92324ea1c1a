import { useEffect, useState } from 'react';
import { type AuditStaffMember, accessRegisterApi } from './accessRegisterApi';

interface AuditStaffState {
  staff: AuditStaffMember[];
  isPending: boolean;
  error: unknown;
}

/** Every staff account, for the register's staff filter, read once. */
export const useAuditStaff = (api = accessRegisterApi): AuditStaffState => {
  const [state, setState] = useState<AuditStaffState>({ staff: [], isPending: true, error: null });
  useEffect(() => {
    let current = true;
    api.staff().then(
      (staff) => current && setState({ staff, isPending: false, error: null }),
      (error: unknown) => current && setState({ staff: [], isPending: false, error }),
    );
    return () => {
      current = false;
    };
  }, [api]);
  return state;
};
