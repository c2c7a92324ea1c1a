import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import { IconButton, ListItem, ListItemText, Stack, Tooltip, Typography } from '@mui/material';
import type { SignedCheckpoint } from '@vigie/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../i18n/relativeTime';
import { checkpointFileName, downloadJson, formatCount, MONOSPACE, shortHash } from '../common/format';

/** One signed checkpoint: which entries (register and staff journal) it seals, when, and its file again. */
export const CheckpointRow = ({ checkpoint }: { checkpoint: SignedCheckpoint }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const sequence = formatCount(checkpoint.sequence, locale);
  const download = translate('vigie.register.checkpoints.download', { sequence });
  return (
    <ListItem
      disableGutters
      dense
      data-testid={`checkpoint-${checkpoint.sequence}`}
      secondaryAction={
        <Tooltip title={download}>
          <IconButton
            edge="end"
            size="small"
            aria-label={download}
            onClick={() => downloadJson(checkpointFileName(checkpoint), checkpoint)}
          >
            <DownloadOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      }
    >
      <ListItemText
        primary={translate('vigie.register.checkpoints.entry', { sequence })}
        secondary={
          <Stack component="span" direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <span>{formatDateTime(new Date(checkpoint.time), locale)}</span>
            {checkpoint.journal && (
              <span data-testid="checkpoint-journal">
                {translate('vigie.register.checkpoints.journal', {
                  sequence: formatCount(checkpoint.journal.sequence, locale),
                })}
              </span>
            )}
            <Typography
              component="code"
              variant="caption"
              title={checkpoint.headHash}
              sx={{ fontFamily: MONOSPACE, color: 'text.secondary' }}
            >
              {shortHash(checkpoint.headHash)}
            </Typography>
          </Stack>
        }
        slotProps={{ primary: { variant: 'body2', sx: { fontWeight: 600 } } }}
      />
    </ListItem>
  );
};
