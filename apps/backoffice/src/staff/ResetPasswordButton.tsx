import LockResetOutlined from '@mui/icons-material/LockResetOutlined';
import { Button, Typography } from '@mui/material';
import type { PasswordLink, StaffAccount } from '@vigie/contracts';
import { useState } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import { ActionDialog } from '../components/ActionDialog';
import { errorMessageKey } from '../common/errorMessageKey';
import { PasswordLinkDialog } from './PasswordLinkDialog';
import { type StaffApi, staffApi } from './staffApi';

/**
 * The admin's "reset password": after saying what it does (earlier links stop, content roles
 * wait for approval again), a new one-time link to hand over.
 */
export const ResetPasswordButton = ({
  account,
  api = staffApi,
}: {
  account: StaffAccount;
  api?: StaffApi;
}) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [link, setLink] = useState<PasswordLink | null>(null);

  const issue = async () => {
    setPending(true);
    setFailure(null);
    try {
      setLink(await api.issuePasswordLink(account.id));
      setAsking(false);
    } catch (error) {
      const key = errorMessageKey(error);
      setFailure(translate(key, { _: key }));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<LockResetOutlined />}
        onClick={() => setAsking(true)}
        data-testid="reset-password"
      >
        {translate('vigie.staff.reset.action')}
      </Button>
      {asking && (
        <ActionDialog
          title={translate('vigie.staff.reset.title', { name: account.name })}
          icon={<LockResetOutlined sx={{ fontSize: 20 }} />}
          testId="reset-password-dialog"
          onClose={() => setAsking(false)}
          onSubmit={(event) => {
            event.preventDefault();
            void issue();
          }}
          failure={failure}
          submit={{
            label: translate('vigie.staff.reset.confirm'),
            cancelLabel: translate('vigie.staff.reset.cancel'),
            icon: <LockResetOutlined />,
            testId: 'reset-password-confirm',
            pending,
          }}
        >
          <Typography variant="body2">{translate('vigie.staff.reset.body')}</Typography>
        </ActionDialog>
      )}
      {link && (
        <PasswordLinkDialog
          name={account.name}
          link={link}
          onClose={() => {
            setLink(null);
            refresh();
          }}
        />
      )}
    </>
  );
};
