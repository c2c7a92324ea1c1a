import { useEffect, useState } from 'react';
import { type RegisterStaffMember, registerApi } from './registerApi';

interface RegisterStaffState {
  staff: RegisterStaffMember[];
  isPending: boolean;
  error: unknown;
}

/** Every staff account, for the register's staff filter, read once. */
export const useRegisterStaff = (api = registerApi): RegisterStaffState => {
  const [state, setState] = useState<RegisterStaffState>({ staff: [], isPending: true, error: null });
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
