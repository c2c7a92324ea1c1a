import { Card, Stack, Typography } from "@mui/material";
import {
  DataTable,
  ListBase,
  ListToolbar,
  Pagination,
  useListContext,
  useLocaleState,
  useTranslate,
} from "react-admin";
import { AtCell } from "../components/AtCell";
import { formatCount, MONOSPACE } from "../common/format";
import { eventLabel } from "./eventKey";
import { JournalDetails } from "./JournalDetails";
import { JournalPersonCell } from "./JournalPersonCell";
import { JOURNAL_RESOURCE, type JournalRecord } from "./journalApi";
import { journalFilters } from "./journalFilters";

const Column = DataTable.Col<JournalRecord>;

const JournalTotal = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { total } = useListContext();
  return (
    <Stack sx={{ alignItems: "flex-end", pb: 1.5, whiteSpace: "nowrap" }}>
      {total !== undefined && (
        <Typography
          variant="body2"
          sx={{ fontWeight: 600 }}
          data-testid="journal-total"
        >
          {translate("vigie.journal.total", {
            smart_count: total,
            count: formatCount(total, locale),
          })}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        {translate("vigie.register.order_newest")}
      </Typography>
    </Stack>
  );
};

const JournalEmpty = () => {
  const translate = useTranslate();
  return (
    <Typography
      color="text.secondary"
      sx={{ textAlign: "center", py: 6 }}
      data-testid="journal-empty"
    >
      {translate("vigie.journal.empty")}
    </Typography>
  );
};

const EventLabel = ({ record }: { record: JournalRecord }) => {
  const translate = useTranslate();
  return (
    <Typography
      variant="body2"
      sx={{ fontWeight: 600 }}
      data-event={record.event}
    >
      {translate(eventLabel(record.event), { _: record.event })}
    </Typography>
  );
};

/** The journal's entries, newest first, filtered as the API allows. */
export const JournalList = () => {
  const [locale] = useLocaleState();
  return (
    <ListBase<JournalRecord>
      resource={JOURNAL_RESOURCE}
      sort={{ field: "sequence", order: "DESC" }}
      perPage={25}
    >
      <Card sx={{ overflow: "hidden" }}>
        <ListToolbar
          filters={journalFilters}
          actions={<JournalTotal />}
          sx={{
            px: 2,
            pt: 1,
            alignItems: "flex-end",
            "& .RaFilterForm-root": { flex: 1 },
          }}
        />
        <DataTable
          rowClick={false}
          bulkActionButtons={false}
          empty={<JournalEmpty />}
          size="small"
          sx={{
            "& .RaDataTable-tableWrapper": { overflowX: "auto" },
            "& .MuiTableCell-root": {
              py: 1,
              px: 1.25,
              verticalAlign: "middle",
            },
            "& .RaDataTable-rowCell": { whiteSpace: "nowrap" },
            "& .MuiTableCell-head": {
              bgcolor: "background.default",
              borderTop: 1,
              borderColor: "divider",
            },
          }}
        >
          <Column
            source="sequence"
            label="vigie.journal.fields.sequence"
            sortByOrder="DESC"
            render={(record) => (
              <Typography
                component="span"
                variant="body2"
                sx={{ fontFamily: MONOSPACE, fontSize: "0.8125rem" }}
              >
                {formatCount(record.sequence, locale)}
              </Typography>
            )}
          />
          <Column
            source="at"
            label="vigie.journal.fields.at"
            disableSort
            render={(record) => <AtCell at={record.at} />}
          />
          <Column
            source="event"
            label="vigie.journal.fields.event"
            disableSort
            render={(record) => <EventLabel record={record} />}
          />
          <Column
            source="actor"
            label="vigie.journal.fields.actor"
            disableSort
            render={(record) => (
              <JournalPersonCell person={record.actor} role="actor" />
            )}
          />
          <Column
            source="subject"
            label="vigie.journal.fields.subject"
            disableSort
            render={(record) => (
              <JournalPersonCell person={record.subject} role="subject" />
            )}
          />
          <Column
            source="ip"
            label="vigie.journal.fields.ip"
            disableSort
            render={(record) => (
              <Typography
                variant="body2"
                sx={{ fontFamily: MONOSPACE, fontSize: "0.8125rem" }}
              >
                {record.ip ?? "—"}
              </Typography>
            )}
          />
          <Column
            source="details"
            label="vigie.journal.fields.details"
            disableSort
            // The details take the width the other columns leave, cut to one line.
            cellSx={() => ({ width: "100%", maxWidth: 0, minWidth: 200 })}
            render={(record) => <JournalDetails details={record.details} />}
          />
        </DataTable>
        <Pagination rowsPerPageOptions={[25, 50, 100]} />
      </Card>
    </ListBase>
  );
};
