import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import FilterAltOffOutlined from '@mui/icons-material/FilterAltOffOutlined';
import { Box, Button, Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

/** An empty register is good news; an empty filter result says how to widen it. */
export const RegisterEmpty = () => {
  const translate = useTranslate();
  const { filterValues, setFilters } = useListContext();
  const filtered = Object.keys(filterValues).length > 0;
  return (
    <Box sx={{ textAlign: 'center', py: 6, px: 3 }} data-testid="register-empty">
      <FactCheckOutlined sx={{ fontSize: 44, color: 'primary.light' }} aria-hidden />
      <Typography variant="h6" sx={{ mt: 1 }}>
        {translate(filtered ? 'vigie.register.empty_filtered_title' : 'vigie.register.empty_title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 0.5, maxWidth: 560, mx: 'auto' }}>
        {translate(filtered ? 'vigie.register.empty_filtered_body' : 'vigie.register.empty_body')}
      </Typography>
      {filtered && (
        <Button
          variant="outlined"
          size="small"
          startIcon={<FilterAltOffOutlined />}
          onClick={() => setFilters({})}
          sx={{ mt: 2 }}
        >
          {translate('ra.navigation.clear_filters')}
        </Button>
      )}
    </Box>
  );
};
