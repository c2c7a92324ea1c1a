import ArrowBack from '@mui/icons-material/ArrowBack';
import { IconButton, Stack, Tooltip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';

interface StaffPageHeaderProps {
  title: ReactNode;
}

/** The heading of the create and edit pages, with the way back to the list. */
export const StaffPageHeader = ({ title }: StaffPageHeaderProps) => {
  const translate = useTranslate();
  const back = translate('vigie.staff.back_to_list');
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1, mb: 2 }}>
      <Tooltip title={back}>
        <IconButton component={Link} to="/staff" aria-label={back} size="small" sx={{ ml: -0.75 }}>
          <ArrowBack fontSize="small" />
        </IconButton>
      </Tooltip>
      <Typography component="h1" variant="h5">
        {title}
      </Typography>
    </Stack>
  );
};
