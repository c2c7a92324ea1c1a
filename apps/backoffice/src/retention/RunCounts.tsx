import { Stack } from '@mui/material';
import type { RetentionRun } from '@vigie/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCount } from '../common/format';
import { CountTile } from './CountTile';

/** What a run erased (or, dry, would erase), one tile per kind of data. */
export const RunCounts = ({ run }: { run: RetentionRun }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { counts, dryRun } = run;
  const tile = (key: string, value: number) => ({
    value: formatCount(value, locale),
    label: translate(`vigie.retention.run.counts.${key}`, { smart_count: value }),
    testId: `run-count-${key}`,
    muted: dryRun,
  });
  return (
    <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mt: 1.5 }} data-testid="run-counts">
      <CountTile
        {...tile(dryRun ? 'cases_dry' : 'cases', counts.casesPurged)}
        testId="run-count-cases"
        detail={
          counts.casesClosed > 0
            ? translate(
                dryRun ? 'vigie.retention.run.counts.closed_dry' : 'vigie.retention.run.counts.closed',
                {
                  smart_count: counts.casesClosed,
                  count: formatCount(counts.casesClosed, locale),
                },
              )
            : undefined
        }
      />
      <CountTile {...tile('messages', counts.messagesErased)} />
      <CountTile {...tile('comments', counts.reportCommentsErased)} />
      <CountTile {...tile('notes', counts.notesErased)} />
      <CountTile {...tile('users', counts.usersPseudonymised)} />
      <CountTile {...tile('register', counts.registerEntriesErased)} />
      {/* Its own retention (STAFF_JOURNAL_RETENTION): shown once a run has erased some. */}
      {counts.journalEntriesErased > 0 && <CountTile {...tile('journal', counts.journalEntriesErased)} />}
    </Stack>
  );
};
