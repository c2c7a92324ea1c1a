import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { errorMessageKey } from '../common/errorMessageKey';

/** Says why a card has nothing to show, rather than showing an empty card that would mislead. */
export const LoadFailedAlert = ({ error }: { error: unknown }) => {
  const translate = useTranslate();
  const key = errorMessageKey(error);
  return (
    <Alert severity="warning" sx={{ mt: 2 }}>
      {translate('vigie.retention.load_failed', { message: translate(key, { _: key }) })}
    </Alert>
  );
};
