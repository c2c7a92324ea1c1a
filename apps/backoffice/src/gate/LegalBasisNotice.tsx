import PolicyOutlined from '@mui/icons-material/PolicyOutlined';
import { Box, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { ACCESS_PURPOSE, LEGAL_BASIS } from '@vigie/contracts';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { liaApi } from '../lia/liaApi';

/**
 * The legal basis and purpose of the access, in plain words. Staff do not choose them: the
 * system records the codes, the privacy policy fixes them; the dialog only says them.
 */
export const LegalBasisNotice = ({ currentLia = liaApi.current }: { currentLia?: () => Promise<{ version: number }> }) => {
  const translate = useTranslate();
  // The assessment in force, which the access will record; the link opens it beside the dialog.
  const [liaVersion, setLiaVersion] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    currentLia().then(
      (lia) => live && setLiaVersion(lia.version),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [currentLia]);
  const line = (label: string, value: string, after?: ReactNode) => (
    <Typography variant="body2">
      <Box component="strong" sx={{ fontWeight: 600 }}>
        {translate(label)}
      </Box>{' '}
      {translate(value)}
      {after}
    </Typography>
  );
  return (
    <Stack
      direction="row"
      spacing={1.5}
      data-testid="gate-legal-basis"
      data-legal-basis={LEGAL_BASIS}
      data-purpose={ACCESS_PURPOSE}
      sx={(theme) => ({
        px: 1.75,
        py: 1.25,
        borderRadius: '10px',
        bgcolor: alpha(theme.palette.primary.main, 0.05),
        border: `1px solid ${alpha(theme.palette.primary.main, 0.15)}`,
      })}
    >
      <PolicyOutlined sx={{ color: 'primary.main', fontSize: 20, mt: 0.25 }} aria-hidden />
      <Stack spacing={0.5}>
        {line(
          'vigie.gate.dialog.legal_basis_label',
          'vigie.gate.dialog.legal_basis',
          liaVersion !== null && (
            <Box component="span" data-testid="gate-lia" data-lia-version={liaVersion}>
              {' · '}
              <Link to={`/lia/${liaVersion}`} target="_blank" rel="noopener" data-testid="gate-lia-link">
                {translate('vigie.lia.gate_link', { version: liaVersion })}
              </Link>
            </Box>
          ),
        )}
        {line('vigie.gate.dialog.purpose_label', 'vigie.gate.dialog.purpose')}
      </Stack>
    </Stack>
  );
};
