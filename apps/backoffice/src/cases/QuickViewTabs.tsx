import { Box, Tab, Tabs } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useGetList, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { priorityColours } from '../common/caseColours';
import { formatCaseTotal } from './caseTotal';
import { activeQuickView, QUICK_VIEWS, type QuickView } from './quickViews';

// Only the total is wanted: one row is the smallest page the API serves.
const COUNT_QUERY = {
  pagination: { page: 1, perPage: 1 },
  sort: { field: 'priority', order: 'DESC' as const },
};

const ViewCount = ({ view, selected }: { view: QuickView; selected: boolean }) => {
  const { total } = useGetList('cases', { ...COUNT_QUERY, filter: view.filter });
  const [locale] = useLocaleState();
  if (total === undefined) return null;
  const alarming = view.id === 'minor_safety' && total > 0;
  return (
    <Box
      component="span"
      data-testid={`quick-view-count-${view.id}`}
      sx={(theme) => ({
        ml: 1,
        px: 0.75,
        minWidth: 22,
        borderRadius: '11px',
        fontSize: '0.75rem',
        lineHeight: '20px',
        fontWeight: 700,
        textAlign: 'center',
        color: alarming ? '#fff' : selected ? theme.palette.primary.main : theme.palette.text.secondary,
        bgcolor: alarming
          ? priorityColours.critical
          : alpha(selected ? theme.palette.primary.main : theme.palette.text.secondary, 0.1),
      })}
    >
      {formatCaseTotal(total, locale)}
    </Box>
  );
};

/** The saved views above the queue: the team's four usual ways into the work. */
export const QuickViewTabs = () => {
  const translate = useTranslate();
  const { filterValues, setFilters } = useListContext();
  const active = activeQuickView(filterValues);
  return (
    <Tabs
      value={active ?? false}
      onChange={(_event, id: string) => {
        const view = QUICK_VIEWS.find((candidate) => candidate.id === id);
        if (view) setFilters({ ...view.filter }, {});
      }}
      variant="scrollable"
      scrollButtons="auto"
      aria-label={translate('vigie.cases.views.label')}
      sx={{
        minHeight: 44,
        borderBottom: 1,
        borderColor: 'divider',
        '& .MuiTab-root': { minHeight: 44, px: 2 },
      }}
    >
      {QUICK_VIEWS.map((view) => (
        <Tab
          key={view.id}
          value={view.id}
          data-testid={`quick-view-${view.id}`}
          label={
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
              {translate(`vigie.cases.views.${view.id}`)}
              <ViewCount view={view} selected={active === view.id} />
            </Box>
          }
        />
      ))}
    </Tabs>
  );
};
