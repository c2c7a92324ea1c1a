import { CASE_STATUSES, REPORT_CATEGORIES } from '@vigie/contracts';
import { DateInput, SelectArrayInput, SelectInput, TextInput } from 'react-admin';
import { PRIORITY_THRESHOLDS } from '../common/casePriority';
import { dayBoundary } from '../common/dayBoundaries';
import { useAssignees } from '../common/assignees';

const statusChoices = CASE_STATUSES.map((status) => ({ id: status, name: `vigie.cases.statuses.${status}` }));
const categoryChoices = REPORT_CATEGORIES.map((category) => ({
  id: category,
  name: `vigie.cases.categories.${category}`,
}));
const priorityChoices = (['critical', 'high', 'medium'] as const).map((level) => ({
  id: PRIORITY_THRESHOLDS[level],
  name: `vigie.cases.filters.priority_at_least.${level}`,
}));

const AssigneeInput = ({ source, label }: { source: string; label: string }) => {
  const { assignees, isPending } = useAssignees();
  return (
    <SelectInput
      source={source}
      label={label}
      choices={assignees}
      optionText="name"
      translateChoice={false}
      isPending={isPending}
      sx={{ minWidth: 200 }}
    />
  );
};

const from = (value: unknown) => dayBoundary(value, 'start');
const to = (value: unknown) => dayBoundary(value, 'end');

/** The queue's filters; the quick views above the list set the same ones in a click. */
export const caseFilters = [
  <SelectArrayInput
    key="status"
    source="status"
    label="vigie.cases.filters.status"
    choices={statusChoices}
    alwaysOn
    sx={{ minWidth: 190 }}
  />,
  <SelectArrayInput
    key="category"
    source="category"
    label="vigie.cases.filters.category"
    choices={categoryChoices}
    alwaysOn
    sx={{ minWidth: 220 }}
  />,
  <SelectInput
    key="priorityMin"
    source="priorityMin"
    label="vigie.cases.filters.priority"
    choices={priorityChoices}
    sx={{ minWidth: 190 }}
  />,
  <AssigneeInput key="assignee" source="assignee" label="vigie.cases.filters.assignee" />,
  <TextInput key="reportedUser" source="reportedUser" label="vigie.cases.filters.reported_user" resettable />,
  <DateInput key="createdFrom" source="createdFrom" label="vigie.cases.filters.created_from" parse={from} />,
  <DateInput key="createdTo" source="createdTo" label="vigie.cases.filters.created_to" parse={to} />,
  <DateInput
    key="lastActivityFrom"
    source="lastActivityFrom"
    label="vigie.cases.filters.last_activity_from"
    parse={from}
  />,
  <DateInput
    key="lastActivityTo"
    source="lastActivityTo"
    label="vigie.cases.filters.last_activity_to"
    parse={to}
  />,
];
