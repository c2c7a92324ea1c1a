import { Box } from "@mui/material";
import { Title, useTranslate } from "react-admin";
import { PageHeader } from "../components/PageHeader";
import { JournalList } from "./JournalList";

/** The DPO's screen of who did what with staff accounts, and what the DPO and admins did. */
export const JournalPage = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ maxWidth: 1440, minWidth: 0, width: "100%" }}>
      <Title title="vigie.journal.title" />
      <PageHeader
        title={translate("vigie.journal.title")}
        intro={translate("vigie.journal.intro")}
        noContent={translate("vigie.journal.no_content")}
      />
      <JournalList />
    </Box>
  );
};
