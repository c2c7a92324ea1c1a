import type SvgIcon from '@mui/material/SvgIcon';
import { Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { IconBadge } from './IconBadge';

interface CardHeadingProps {
  /** The heading's id, for the card's `aria-labelledby`. */
  id: string;
  icon: typeof SvgIcon;
  title: string;
  explanation?: ReactNode;
  /** Beside the title on wide screens: a selector or the card's actions. */
  action?: ReactNode;
}

/** The head of every card of the screen, as the register's cards have it: badge, title, what it is for. */
export const CardHeading = ({ id, icon: Icon, title, explanation, action }: CardHeadingProps) => (
  <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'flex-start' } }}>
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start', flex: 1, minWidth: 0 }}>
      <IconBadge size={36}>
        <Icon sx={{ fontSize: 20 }} />
      </IconBadge>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography id={id} component="h2" variant="subtitle1">
          {title}
        </Typography>
        {explanation && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25, maxWidth: 860 }}>
            {explanation}
          </Typography>
        )}
      </Box>
    </Stack>
    {action && <Box sx={{ flexShrink: 0 }}>{action}</Box>}
  </Stack>
);
