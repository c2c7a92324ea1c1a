import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A labelled value of the policy, the label small above it. */
export const Fact = ({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) => (
  <Box sx={{ minWidth: 0 }} data-testid={testId}>
    <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 0.25 }}>
      {label}
    </Typography>
    <Typography variant="body2" sx={{ fontWeight: 600 }}>
      {children}
    </Typography>
  </Box>
);
