import { Typography } from "@mui/material";
import { MONOSPACE } from "../common/format";

const text = (value: unknown): string =>
  typeof value === "string" ? value : JSON.stringify(value);

/** An entry's details on one line (`key: value · …`), whole on hover. */
export const JournalDetails = ({
  details,
}: {
  details: Record<string, unknown>;
}) => {
  const line = Object.entries(details)
    .map(([key, value]) => `${key}: ${text(value)}`)
    .join(" · ");
  return (
    <Typography
      variant="body2"
      color="text.secondary"
      title={line}
      sx={{
        fontFamily: MONOSPACE,
        fontSize: "0.75rem",
        overflow: "hidden",
        textOverflow: "ellipsis",
      }}
    >
      {line || "—"}
    </Typography>
  );
};
