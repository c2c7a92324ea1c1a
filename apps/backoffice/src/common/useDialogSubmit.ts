import { useState } from 'react';
import { useLogoutIfAccessDenied, useNotify, useTranslate } from 'react-admin';

/**
 * What every action dialog does around its request: one at a time, a lost session signs out,
 * any other failure goes to `onError`, and the dialog does not close while sending.
 */
export const useDialogSubmit = (onClose: () => void) => {
  const translate = useTranslate();
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [pending, setPending] = useState(false);

  const send = async (request: () => Promise<void>, onError: (error: unknown) => void): Promise<void> => {
    setPending(true);
    try {
      await request();
    } catch (error) {
      if (!(await logoutIfAccessDenied(error))) onError(error);
    } finally {
      setPending(false);
    }
  };

  const close = () => {
    if (!pending) onClose();
  };

  return { translate, notify, pending, send, close };
};
