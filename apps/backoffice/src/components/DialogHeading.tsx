import { Box, DialogTitle, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { ReactNode } from 'react';

export type DialogTone = 'primary' | 'error';

interface DialogHeadingProps {
  /** The id the dialog's `aria-labelledby` names. */
  id: string;
  /** At `fontSize: 20`, in a tinted square beside the title. */
  icon: ReactNode;
  tone?: DialogTone;
  title: ReactNode;
  /** Below the title: what the dialog is about (a case, a decision). */
  children?: ReactNode;
  /** Room below the heading: a little more when a subtitle is there. */
  spaceBelow?: number;
}

/** A dialog's heading: its icon in the product's tinted square, the title, an optional subtitle. */
export const DialogHeading = ({
  id,
  icon,
  tone = 'primary',
  title,
  children,
  spaceBelow = 1,
}: DialogHeadingProps) => (
  <DialogTitle id={id} component="div" sx={{ pb: spaceBelow }}>
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
      <Box
        aria-hidden
        sx={(theme) => ({
          width: 36,
          height: 36,
          borderRadius: '10px',
          display: 'grid',
          placeItems: 'center',
          flexShrink: 0,
          color: `${tone}.main`,
          bgcolor: alpha(theme.palette[tone].main, 0.1),
        })}
      >
        {icon}
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Typography component="h2" variant="h6">
          {title}
        </Typography>
        {children}
      </Box>
    </Stack>
  </DialogTitle>
);
