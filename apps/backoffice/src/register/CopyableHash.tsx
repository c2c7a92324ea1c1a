import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import { IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { MONOSPACE, shortHash } from '../common/format';

interface CopyableHashProps {
  hash: string;
  /** The whole hash, wrapped (the entry's detail), or its two ends (summaries). */
  whole?: boolean;
}

/** A hash to compare by eye and to copy whole into an audit report. */
export const CopyableHash = ({ hash, whole = false }: CopyableHashProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(hash);
      notify('vigie.register.hash.copied', { type: 'success' });
    } catch {
      notify('vigie.register.hash.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Stack direction="row" spacing={0.25} sx={{ alignItems: 'center', minWidth: 0 }}>
      <Tooltip title={whole ? '' : hash} placement="top-start">
        <Typography
          component="code"
          variant="body2"
          data-hash={hash}
          sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem', wordBreak: 'break-all', minWidth: 0 }}
        >
          {whole ? hash : shortHash(hash)}
        </Typography>
      </Tooltip>
      <Tooltip title={translate('vigie.register.hash.copy')}>
        <IconButton
          size="small"
          aria-label={translate('vigie.register.hash.copy')}
          onClick={(event) => {
            // Inside a table row, a click here must not also expand the row.
            event.stopPropagation();
            void copy();
          }}
        >
          <ContentCopyOutlined sx={{ fontSize: 16 }} />
        </IconButton>
      </Tooltip>
    </Stack>
  );
};
