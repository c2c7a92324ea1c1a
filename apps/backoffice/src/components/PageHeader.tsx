import VisibilityOffOutlined from '@mui/icons-material/VisibilityOffOutlined';
import { Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  intro: ReactNode;
  /** A reassurance under the intro, beside a crossed eye: what the screen never shows. */
  noContent?: string;
}

/** A screen's title, what it is for and, when it applies, what it never shows. */
export const PageHeader = ({ title, intro, noContent }: PageHeaderProps) => (
  <Box sx={{ mt: 1, mb: 2 }}>
    <Typography component="h1" variant="h5">
      {title}
    </Typography>
    <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 820 }}>
      {intro}
    </Typography>
    {noContent && (
      <Stack direction="row" spacing={0.75} sx={{ mt: 0.75, alignItems: 'center', color: 'text.secondary' }}>
        <VisibilityOffOutlined sx={{ fontSize: 16 }} aria-hidden />
        <Typography variant="caption">{noContent}</Typography>
      </Stack>
    )}
  </Box>
);
