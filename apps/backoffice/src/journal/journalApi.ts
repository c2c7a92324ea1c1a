import type { StaffActivityEntry } from "@vigie/contracts";

/** The staff journal's resource for react-admin: the dataProvider reads it at `/api/v1/audit/staff-activity`. */
export const JOURNAL_RESOURCE = "audit/staff-activity";

/** An entry as the list holds it: the dataProvider copies `sequence` into react-admin's `id`. */
export type JournalRecord = StaffActivityEntry & { id: number };
