import type SvgIcon from '@mui/material/SvgIcon';
import { Box, Card, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { IconBadge } from './IconBadge';

interface SectionCardProps {
  title: string;
  icon: typeof SvgIcon;
  /** Shown after the title, e.g. how many reports. */
  count?: number;
  children: ReactNode;
  testId?: string;
}

/** One section of the case page: a titled card. */
export const SectionCard = ({ title, icon: Icon, count, children, testId }: SectionCardProps) => (
  <Card component="section" aria-label={title} data-testid={testId}>
    <Stack direction="row" spacing={1.25} sx={{ alignItems: 'center', px: 2.5, pt: 2, pb: 1.5 }}>
      <IconBadge size={30}>
        <Icon sx={{ fontSize: 18 }} />
      </IconBadge>
      <Typography component="h2" variant="subtitle1">
        {title}
      </Typography>
      {count !== undefined && (
        <Box
          component="span"
          sx={{
            px: 0.75,
            borderRadius: '10px',
            bgcolor: 'action.hover',
            fontSize: '0.75rem',
            fontWeight: 700,
            lineHeight: '20px',
          }}
        >
          {count}
        </Box>
      )}
    </Stack>
    <Box sx={{ px: 2.5, pb: 2.5 }}>{children}</Box>
  </Card>
);
