import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

interface CountTileProps {
  value: string;
  label: string;
  /** A second line under the label, e.g. how many of the cases were still open. */
  detail?: ReactNode;
  testId?: string;
  /** Dry-run figures are what would happen: drawn quieter than what did. */
  muted?: boolean;
}

/** One figure in large type with what it counts: totals must read at a glance. */
export const CountTile = ({ value, label, detail, testId, muted = false }: CountTileProps) => (
  <Box
    data-testid={testId}
    sx={{
      minWidth: 120,
      // Side by side and compared by eye, not stretched across a wide card.
      maxWidth: 220,
      flex: '1 1 120px',
      px: 1.5,
      py: 1.25,
      borderRadius: 2,
      border: 1,
      borderColor: 'divider',
      bgcolor: muted ? 'background.default' : 'background.paper',
    }}
  >
    <Typography
      component="p"
      variant="h6"
      sx={{
        fontVariantNumeric: 'tabular-nums',
        lineHeight: 1.2,
        color: muted ? 'text.secondary' : 'text.primary',
      }}
    >
      {value}
    </Typography>
    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
      {label}
    </Typography>
    {detail && (
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', fontStyle: 'italic' }}>
        {detail}
      </Typography>
    )}
  </Box>
);
