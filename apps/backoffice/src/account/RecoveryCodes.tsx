import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

interface RecoveryCodesProps {
  codes: readonly string[];
  /** "I have saved them": the codes are never shown again after this. */
  onSaved: () => void;
  saving?: boolean;
}

const MONOSPACE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

/** The recovery codes, shown once, with ways to keep them. */
export const RecoveryCodes = ({ codes, onSaved, saving = false }: RecoveryCodesProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const text = codes.join('\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${text}\n`);
      notify('vigie.mfa.codes_copied', { type: 'success' });
    } catch {
      notify('vigie.mfa.copy_failed', { type: 'warning' });
    }
  };

  const download = () => {
    const url = URL.createObjectURL(
      new Blob([`${translate('vigie.mfa.codes_file_header')}\n\n${text}\n`], { type: 'text/plain' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = 'vigie-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Box>
      <Typography component="h3" variant="subtitle1">
        {translate('vigie.mfa.codes_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 620 }}>
        {translate('vigie.mfa.codes_intro')}
      </Typography>
      <Box
        component="ol"
        data-testid="recovery-codes"
        aria-label={translate('vigie.mfa.codes_title')}
        sx={{
          listStyle: 'none',
          m: 0,
          mt: 2,
          p: 2,
          display: 'grid',
          gridTemplateColumns: { xs: '1fr 1fr', sm: 'repeat(2, max-content)' },
          columnGap: 5,
          rowGap: 1,
          justifyContent: { sm: 'start' },
          bgcolor: 'background.default',
          border: 1,
          borderColor: 'divider',
          borderRadius: '10px',
        }}
      >
        {codes.map((code, index) => (
          <Box component="li" key={code} sx={{ display: 'flex', alignItems: 'baseline', gap: 1.25 }}>
            <Typography
              component="span"
              variant="caption"
              color="text.secondary"
              sx={{ width: '1.5em', textAlign: 'right' }}
            >
              {index + 1}.
            </Typography>
            <Typography
              component="code"
              sx={{ fontFamily: MONOSPACE, fontSize: '1.0625rem', letterSpacing: '0.06em' }}
            >
              {code}
            </Typography>
          </Box>
        ))}
      </Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          size="small"
          startIcon={<ContentCopyOutlined fontSize="small" />}
          onClick={copy}
        >
          {translate('vigie.mfa.copy_codes')}
        </Button>
        <Button
          variant="outlined"
          size="small"
          startIcon={<DownloadOutlined fontSize="small" />}
          onClick={download}
        >
          {translate('vigie.mfa.download_codes')}
        </Button>
      </Stack>
      <Alert severity="warning" sx={{ mt: 2.5 }}>
        {translate('vigie.mfa.codes_warning')}
      </Alert>
      <Button variant="contained" size="large" onClick={onSaved} disabled={saving} sx={{ mt: 2.5 }}>
        {translate('vigie.mfa.codes_saved')}
      </Button>
    </Box>
  );
};
