import { ACCESS_OUTCOMES } from '@vigie/contracts';
import { DateInput, NumberInput, SelectInput, TextInput, regex } from 'react-admin';
import { dayBoundary } from '../common/dayBoundaries';
import { StaffFilterInput } from './StaffFilterInput';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const outcomeChoices = ACCESS_OUTCOMES.map((outcome) => ({
  id: outcome,
  name: outcome === 'read' ? 'vigie.register.outcomes.read_filter' : `vigie.register.outcomes.${outcome}`,
}));

// Case ids are pasted more often than typed: a stray space would make the API refuse them.
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const from = (value: unknown) => dayBoundary(value, 'start');
// Only a whole entry number is sent: anything else the API would refuse.
const entryNumber = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null);
const to = (value: unknown) => dayBoundary(value, 'end');

/**
 * The register's filters, named as the API's query. All are shown: the DPO's questions start
 * from any of them (a person's request, a case, a colleague, a period, a conversation the
 * platform names, an entry number quoted by an alert or a verification).
 */
export const registerFilters = [
  <StaffFilterInput key="staffId" source="staffId" label="vigie.register.filters.staff" alwaysOn />,
  <TextInput
    key="caseId"
    source="caseId"
    label="vigie.register.filters.case"
    parse={trimmed}
    // A partial id is not applied (the API would refuse it): the filter waits for a whole one.
    validate={regex(UUID, 'vigie.register.filters.case_invalid')}
    resettable
    alwaysOn
    sx={{ width: 210 }}
  />,
  <TextInput
    key="subject"
    source="subject"
    label="vigie.register.filters.subject"
    resettable
    alwaysOn
    sx={{ width: 275 }}
  />,
  <SelectInput
    key="outcome"
    source="outcome"
    label="vigie.register.filters.outcome"
    choices={outcomeChoices}
    alwaysOn
    sx={{ width: 130 }}
  />,
  <DateInput key="from" source="from" label="vigie.register.filters.from" parse={from} alwaysOn sx={{ width: 150 }} />,
  <DateInput key="to" source="to" label="vigie.register.filters.to" parse={to} alwaysOn sx={{ width: 150 }} />,
  <TextInput
    key="conversation"
    source="conversation"
    label="vigie.register.filters.conversation"
    parse={trimmed}
    resettable
    alwaysOn
    sx={{ width: 190 }}
  />,
  <NumberInput
    key="sequence"
    source="sequence"
    label="vigie.register.filters.sequence"
    parse={(value: string) => entryNumber(value === '' ? null : Number(value))}
    min={1}
    step={1}
    alwaysOn
    sx={{ width: 150 }}
  />,
];
