import FilterAltOutlined from '@mui/icons-material/FilterAltOutlined';
import { IconButton, Tooltip } from '@mui/material';
import { useListContext } from 'react-admin';

/**
 * Narrows the register to the value of a cell (a case, a conversation): quiet until its row is
 * pointed at or it is focused, since one per row would be noise. Hidden once that filter is on.
 */
export const FilterButton = ({ source, value, label }: { source: string; value: string; label: string }) => {
  const { filterValues, setFilters } = useListContext();
  if (filterValues[source] === value) return null;
  return (
    <Tooltip title={label}>
      <IconButton
        size="small"
        aria-label={label}
        onClick={(event) => {
          event.stopPropagation();
          setFilters({ ...filterValues, [source]: value });
        }}
        sx={{ color: 'text.secondary', opacity: 0.35, p: 0.25, 'tr:hover &, &:focus-visible': { opacity: 1 } }}
      >
        <FilterAltOutlined sx={{ fontSize: 16 }} />
      </IconButton>
    </Tooltip>
  );
};
