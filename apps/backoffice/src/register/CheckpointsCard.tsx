import DrawOutlined from '@mui/icons-material/DrawOutlined';
import { Alert, Box, Button, Card, CircularProgress, List, Typography } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useLogoutIfAccessDenied, useNotify, useTranslate } from 'react-admin';
import { CardHeading } from '../components/CardHeading';
import { type RegisterApi, registerApi } from './registerApi';
import { CheckpointRow } from './CheckpointRow';
import { errorMessageKey, isRegisterEmpty } from '../common/errorMessageKey';
import { checkpointFileName, downloadJson, formatCount } from '../common/format';
import { useCheckpoints } from './useCheckpoints';

// The latest only: the card sits above the register's list, which must stay in view on a laptop; the total says how many more.
const RECENT = 1;

/** Signs the chain's head now and hands the DPO the file to keep outside Vigie. */
export const CheckpointsCard = ({ api = registerApi }: { api?: RegisterApi }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [signing, setSigning] = useState(false);
  const checkpoints = useCheckpoints(RECENT, api);

  const sign = async () => {
    setSigning(true);
    try {
      const checkpoint = await api.signCheckpoint();
      downloadJson(checkpointFileName(checkpoint), checkpoint);
      notify('vigie.register.checkpoints.signed', {
        type: 'success',
        messageArgs: { sequence: formatCount(checkpoint.sequence, locale) },
        autoHideDuration: 8000,
      });
      checkpoints.reload();
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return;
      // The API answers 409 register_empty when there is no entry to sign yet.
      const key = isRegisterEmpty(error)
        ? 'vigie.register.checkpoints.register_empty'
        : errorMessageKey(error);
      notify(key, { type: isRegisterEmpty(error) ? 'info' : 'error', messageArgs: { _: key } });
    } finally {
      setSigning(false);
    }
  };

  const { page } = checkpoints;
  return (
    <Card component="section" aria-labelledby="register-checkpoints-title" sx={{ flex: 1, minWidth: 0 }}>
      <Box sx={{ p: 2 }}>
        <CardHeading
          id="register-checkpoints-title"
          icon={DrawOutlined}
          title={translate('vigie.register.checkpoints.title')}
          explanation={translate('vigie.register.checkpoints.explanation')}
        />
        <Button
          variant="outlined"
          size="small"
          onClick={() => void sign()}
          disabled={signing}
          startIcon={signing ? <CircularProgress size={16} color="inherit" /> : <DrawOutlined />}
          sx={{ mt: 1.5 }}
        >
          {translate(signing ? 'vigie.register.checkpoints.signing' : 'vigie.register.checkpoints.sign')}
        </Button>
        <Typography component="h3" variant="subtitle2" color="text.secondary" sx={{ mt: 1.5 }}>
          {translate('vigie.register.checkpoints.recent')}
        </Typography>
        {checkpoints.error !== null && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {translate('vigie.register.checkpoints.load_failed', {
              message: translate(errorMessageKey(checkpoints.error), {
                _: errorMessageKey(checkpoints.error),
              }),
            })}
          </Alert>
        )}
        {page && page.data.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('vigie.register.checkpoints.none')}
          </Typography>
        )}
        {page && page.data.length > 0 && (
          <List dense disablePadding aria-label={translate('vigie.register.checkpoints.recent')}>
            {page.data.map((checkpoint) => (
              <CheckpointRow key={`${checkpoint.sequence}-${checkpoint.time}`} checkpoint={checkpoint} />
            ))}
          </List>
        )}
        {page && page.total > page.data.length && (
          <Typography variant="caption" color="text.secondary">
            {translate('vigie.register.checkpoints.more', {
              smart_count: page.total,
              count: formatCount(page.total, locale),
            })}
          </Typography>
        )}
      </Box>
    </Card>
  );
};
