import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface StaffFormSectionProps {
  title: string;
  children: ReactNode;
  first?: boolean;
}

/** A titled group of inputs: forms read as "who", "what they may do", "how they sign in". */
export const StaffFormSection = ({ title, children, first = false }: StaffFormSectionProps) => {
  const translate = useTranslate();
  return (
    <Box
      component="section"
      sx={{
        width: '100%',
        pt: first ? 0 : 2.5,
        mt: first ? 0 : 2.5,
        borderTop: first ? 'none' : 1,
        borderColor: 'divider',
      }}
    >
      <Typography component="h2" variant="subtitle1" sx={{ mb: 1 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};
