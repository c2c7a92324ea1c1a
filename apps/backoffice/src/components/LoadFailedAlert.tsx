import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { errorMessageKey } from '../common/errorMessageKey';

/** Says why a card has nothing to show, rather than showing an empty card that would mislead. */
export const LoadFailedAlert = ({
  error,
  messageKey = 'vigie.retention.load_failed',
}: {
  error: unknown;
  /** The sentence, with `%{message}` for the reason. */
  messageKey?: string;
}) => {
  const translate = useTranslate();
  const key = errorMessageKey(error);
  return (
    <Alert severity="warning" sx={{ mt: 2 }}>
      {translate(messageKey, { message: translate(key, { _: key }) })}
    </Alert>
  );
};
