import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

interface FactProps {
  label: string;
  children: ReactNode;
  testId?: string;
  /** The value in bold body text (the retention policy's figures); otherwise shown as given. */
  strong?: boolean;
  /** Inside a `<dl>`: the label is its `<dt>`, the value its `<dd>`. */
  term?: boolean;
  /** Across the whole row of a grid. */
  wide?: boolean;
  /** The value's line keeps this height, so chips and text line up (the case header). */
  valueHeight?: number;
}

/** A labelled value, the label small above it. */
export const Fact = ({
  label,
  children,
  testId,
  strong = false,
  term = false,
  wide = false,
  valueHeight,
}: FactProps) => (
  <Box sx={{ minWidth: 0, gridColumn: wide ? '1 / -1' : undefined }} data-testid={testId}>
    <Typography
      component={term ? 'dt' : 'span'}
      variant="caption"
      color="text.secondary"
      sx={{ display: 'block', mb: 0.25 }}
    >
      {label}
    </Typography>
    {strong ? (
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {children}
      </Typography>
    ) : (
      <Box
        component={term ? 'dd' : 'div'}
        sx={[
          { m: 0, minWidth: 0 },
          valueHeight !== undefined && { minHeight: valueHeight, display: 'flex', alignItems: 'center' },
        ]}
      >
        {children}
      </Box>
    )}
  </Box>
);
