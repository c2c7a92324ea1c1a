import { STAFF_ACTIVITY_EVENTS } from "@vigie/contracts";
import { DateInput, SelectInput } from "react-admin";
import { dayBoundary } from "../common/dayBoundaries";
import { StaffFilterInput } from "../register/StaffFilterInput";
import { eventLabel } from "./eventKey";

const actionChoices = STAFF_ACTIVITY_EVENTS.map((event) => ({
  id: event,
  name: eventLabel(event),
}));

const from = (value: unknown) => dayBoundary(value, "start");
const to = (value: unknown) => dayBoundary(value, "end");

/** The journal's filters, named as the API's query: a staff member (who acted or was concerned), an action, a period. */
export const journalFilters = [
  <StaffFilterInput
    key="staffId"
    source="staffId"
    label="vigie.journal.filters.staff"
    alwaysOn
  />,
  <SelectInput
    key="action"
    source="action"
    label="vigie.journal.filters.action"
    choices={actionChoices}
    alwaysOn
    sx={{ minWidth: 260 }}
  />,
  <DateInput
    key="from"
    source="from"
    label="vigie.journal.filters.from"
    parse={from}
    alwaysOn
  />,
  <DateInput
    key="to"
    source="to"
    label="vigie.journal.filters.to"
    parse={to}
    alwaysOn
  />,
];
