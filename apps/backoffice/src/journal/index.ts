import { lazy } from "react";
import type { ScreenRoute } from "../common/screenRoute";

// The API's route is `/api/v1/audit/staff-activity`; everywhere else it is the staff journal.
export const journalRoute: ScreenRoute = {
  path: "/journal",
  action: "journal.view",
  Page: lazy(() =>
    import("./JournalPage").then((module) => ({ default: module.JournalPage })),
  ),
};
