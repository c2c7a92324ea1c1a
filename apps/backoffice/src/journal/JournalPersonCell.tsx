import { Typography } from "@mui/material";
import type { StaffActivityEntry } from "@vigie/contracts";
import { useTranslate } from "react-admin";
import { shortId } from "../common/format";

/**
 * Who acted, or which account it concerns: the name, the id's start when the account has none.
 * No actor is the system or the command line (or a failed sign-in); no account concerned, a dash.
 */
export const JournalPersonCell = ({
  person,
  role,
}: {
  person: StaffActivityEntry["actor"];
  role: "actor" | "subject";
}) => {
  const translate = useTranslate();
  if (!person) {
    return (
      <Typography variant="body2" color="text.secondary">
        {role === "actor" ? translate("vigie.journal.nobody") : "—"}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" title={person.id} sx={{ fontWeight: 600 }}>
      {person.name ?? shortId(person.id)}
    </Typography>
  );
};
