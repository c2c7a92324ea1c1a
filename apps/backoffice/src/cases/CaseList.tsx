import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import InboxOutlined from '@mui/icons-material/InboxOutlined';
import { Box, Card, Stack, Tooltip, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { CaseListItem } from '@vigie/contracts';
import type { ReactElement } from 'react';
import {
  BulkActionsToolbar,
  DataTable,
  FilterButton,
  ListBase,
  ListToolbar,
  Pagination,
  SelectAllButton,
  SortButton,
  Title,
  useGetIdentity,
  useListContext,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { RelativeDate } from '../components/RelativeDate';
import { CaseStatusChip, CategoryChips } from '../components/CaseChips';
import { priorityColours } from '../common/caseColours';
import { caseFilters } from './caseFilters';
import { formatCaseTotal, isCappedTotal } from './caseTotal';
import { priorityLevel } from '../common/casePriority';
import { AppealChip } from '../components/AppealChip';
import { AssigneeLabel, ParticipantLabel } from '../components/PeopleLabels';
import { PriorityBadge } from './PriorityBadge';
import { QuickViewTabs } from './QuickViewTabs';

const Column = DataTable.Col<CaseListItem>;

// A bar down the row's left edge in the level's colour: the queue's order reads at a glance.
const priorityEdge = (record: CaseListItem) => ({
  boxShadow: `inset 4px 0 0 ${priorityColours[priorityLevel(record.priority, record.categories)]}`,
});

// A critical case's whole row is faintly tinted too, so it cannot be lost in a long page.
const criticalRowSx = (record: CaseListItem) =>
  priorityLevel(record.priority, record.categories) === 'critical'
    ? { bgcolor: alpha(priorityColours.critical, 0.04) }
    : {};

const ReportersCell = ({ record }: { record: CaseListItem }) => {
  const translate = useTranslate();
  return (
    <Tooltip
      title={translate('vigie.cases.reporters_detail', {
        smart_count: record.reporterCount,
        reports: record.reportCount,
      })}
    >
      <Stack
        direction="row"
        spacing={0.5}
        sx={{ alignItems: 'center', color: record.reporterCount > 1 ? 'text.primary' : 'text.secondary' }}
      >
        <GroupsOutlined sx={{ fontSize: 18 }} aria-hidden />
        <Typography
          component="span"
          variant="body2"
          sx={{ fontWeight: record.reporterCount > 1 ? 700 : 400 }}
        >
          {record.reporterCount}
        </Typography>
      </Stack>
    </Tooltip>
  );
};

const AssigneeCell = ({ record }: { record: CaseListItem }) => {
  const { identity } = useGetIdentity();
  return <AssigneeLabel assignee={record.assignee} selfId={identity?.id} />;
};

// Beyond the API's count limit the last page is not known: "1–25 of more than 10,000".
const QueuePagination = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { total } = useListContext();
  const capped = total !== undefined && isCappedTotal(total);
  return (
    <Pagination
      rowsPerPageOptions={[25, 50, 100]}
      {...(capped && {
        labelDisplayedRows: ({ from, to }: { from: number; to: number }) =>
          translate('vigie.cases.page_range_capped', { from, to, total: total.toLocaleString(locale) }),
      })}
    />
  );
};

const QueueHeader = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { total } = useListContext();
  return (
    <Stack
      direction="row"
      sx={{ alignItems: 'flex-end', justifyContent: 'space-between', mt: 1, mb: 2, gap: 2 }}
    >
      <Box>
        <Typography component="h1" variant="h5">
          {translate('vigie.cases.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 760 }}>
          {translate('vigie.cases.intro')}
        </Typography>
      </Box>
      {total !== undefined && (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ whiteSpace: 'nowrap' }}
          data-testid="queue-total"
        >
          {isCappedTotal(total)
            ? translate('vigie.cases.total_capped', { count: formatCaseTotal(total, locale) })
            : translate('vigie.cases.total', { smart_count: total })}
        </Typography>
      )}
    </Stack>
  );
};

const QueueActions = () => (
  <Stack
    direction="row"
    spacing={1}
    sx={{ alignItems: 'center', pb: 1, '& .MuiButton-root': { whiteSpace: 'nowrap' } }}
  >
    <FilterButton />
    <SortButton fields={['priority', 'createdAt', 'lastActivityAt']} />
  </Stack>
);

const QueueEmpty = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const filtered = Object.keys(filterValues).length > 0;
  return (
    <Box sx={{ textAlign: 'center', py: 6, px: 3 }}>
      <InboxOutlined sx={{ fontSize: 44, color: 'primary.light' }} aria-hidden />
      <Typography variant="h6" sx={{ mt: 1 }}>
        {translate(filtered ? 'vigie.cases.empty_filtered_title' : 'vigie.cases.empty_title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 0.5 }}>
        {translate(filtered ? 'vigie.cases.empty_filtered_body' : 'vigie.cases.empty_body')}
      </Typography>
    </Box>
  );
};

/** Acting on many selected cases at once: the decisions domain brings them, wired at the app root. */
export interface QueueBulkSlot {
  actions: ReactElement;
  /** The most cases one bulk request may carry: "select all" stops there. */
  limit: number;
}

/** The moderators' queue: open cases, the most urgent first, and their way into each. */
export const CaseList = ({ bulk }: { bulk?: QueueBulkSlot }) => {
  const translate = useTranslate();
  return (
    <ListBase resource="cases" sort={{ field: 'priority', order: 'DESC' }} perPage={25}>
      {/* minWidth 0: a wide table scrolls inside its card instead of widening the page. */}
      <Box sx={{ maxWidth: 1440, minWidth: 0, width: '100%' }}>
        <Title title="vigie.cases.title" />
        <QueueHeader />
        <Card sx={{ overflow: 'hidden' }}>
          <QuickViewTabs />
          <ListToolbar
            filters={caseFilters}
            actions={<QueueActions />}
            sx={{ px: 2, pt: 0.5, alignItems: 'flex-end', '& .RaFilterForm-root': { flex: 1 } }}
          />
          <DataTable
            rowClick="show"
            rowSx={criticalRowSx}
            bulkActionButtons={bulk ? bulk.actions : false}
            bulkActionsToolbar={
              bulk && (
                <BulkActionsToolbar
                  label="vigie.decisions.bulk.selected"
                  selectAllButton={<SelectAllButton limit={bulk.limit} />}
                >
                  {bulk.actions}
                </BulkActionsToolbar>
              )
            }
            empty={<QueueEmpty />}
            size="small"
            sx={{
              '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
              '& .MuiTableCell-root': { py: 1.25, whiteSpace: 'nowrap' },
              '& .MuiTableCell-head': { bgcolor: 'background.default', borderTop: 1, borderColor: 'divider' },
              '& .MuiTableRow-hover:hover': { bgcolor: 'rgba(18, 80, 107, 0.035)' },
            }}
          >
            <Column
              source="priority"
              label="vigie.cases.fields.priority"
              sortByOrder="DESC"
              cellSx={priorityEdge}
              render={(record) => <PriorityBadge priority={record.priority} categories={record.categories} />}
            />
            <Column
              source="categories"
              label="vigie.cases.fields.categories"
              disableSort
              render={(record) =>
                record.appealOfDecisionId ? (
                  // An appeal stands out first: it is reviewed by someone other than the decider.
                  <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                    <AppealChip />
                    <CategoryChips categories={record.categories} max={1} />
                  </Stack>
                ) : (
                  <CategoryChips categories={record.categories} max={2} />
                )
              }
            />
            <Column
              source="reportedUser"
              label="vigie.cases.fields.reported_user"
              disableSort
              render={(record) => <ParticipantLabel participant={record.reportedUser} />}
            />
            <Column
              source="reporterCount"
              label="vigie.cases.fields.reporters"
              disableSort
              render={(record) => <ReportersCell record={record} />}
            />
            <Column
              source="createdAt"
              label="vigie.cases.fields.age"
              sortByOrder="ASC"
              render={(record) => <RelativeDate value={record.createdAt} emptyText="" />}
            />
            <Column
              source="lastActivityAt"
              label="vigie.cases.fields.last_activity"
              sortByOrder="DESC"
              render={(record) => <RelativeDate value={record.lastActivityAt} emptyText="" />}
            />
            <Column
              source="assignee"
              label="vigie.cases.fields.assignee"
              disableSort
              render={(record) => <AssigneeCell record={record} />}
            />
            <Column
              source="status"
              label="vigie.cases.fields.status"
              disableSort
              render={(record) => <CaseStatusChip status={record.status} />}
            />
          </DataTable>
          <QueuePagination />
        </Card>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1.5 }}>
          {translate('vigie.cases.order_hint')}
        </Typography>
      </Box>
    </ListBase>
  );
};
