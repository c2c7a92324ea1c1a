import { Avatar } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { ReactNode } from 'react';

/** The product's tinted, rounded square that heads a card with its icon. */
export const IconBadge = ({ size, children }: { size: number; children: ReactNode }) => (
  <Avatar
    variant="rounded"
    sx={(theme) => ({
      width: size,
      height: size,
      borderRadius: size >= 48 ? '14px' : '10px',
      bgcolor: alpha(theme.palette.primary.main, 0.1),
      color: 'primary.main',
    })}
  >
    {children}
  </Avatar>
);
