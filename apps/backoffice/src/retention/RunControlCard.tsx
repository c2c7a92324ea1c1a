import DeleteSweepOutlined from '@mui/icons-material/DeleteSweepOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import ScienceOutlined from '@mui/icons-material/ScienceOutlined';
import { Alert, Box, Button, Card, CircularProgress, Stack, Typography } from '@mui/material';
import type { RetentionPolicy, RetentionRun, StaffRole } from '@vigie/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useLocaleState, useLogoutIfAccessDenied, usePermissions, useTranslate } from 'react-admin';
import { formatDateTime } from '../i18n/relativeTime';
import { canAccess } from '../permissions';
import { errorMessageKey } from '../common/errorMessageKey';
import { CardHeading } from '../components/CardHeading';
import { ConfirmRunDialog } from './ConfirmRunDialog';
import { isRunAlreadyGoing, retentionApi } from './retentionApi';
import { RunProgress } from './RunProgress';
import { RunResult } from './RunResult';
import { RunStatusChip } from './RunStatusChip';
import { POLL_INTERVAL_MS, useFollowedRun } from './useFollowedRun';

type Notice = { kind: 'busy' } | { kind: 'start_failed'; message: string } | null;

interface RunControlCardProps {
  policy: RetentionPolicy | null;
  /** A run started or ended: the page reads the history, the preview and the policy again. */
  onRunsChanged: () => void;
  pollInterval?: number;
}

/** Starting a run, dry or real, and following it to its end with its counts. */
export const RunControlCard = ({
  policy,
  onRunsChanged,
  pollInterval = POLL_INTERVAL_MS,
}: RunControlCardProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions<StaffRole[]>();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [starting, setStarting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  // Undefined until known: "no run yet" must not flash before the history answers.
  const [latest, setLatest] = useState<RetentionRun | null | undefined>(undefined);
  const finished = useCallback(() => {
    setNotice(null);
    onRunsChanged();
  }, [onRunsChanged]);
  const { run, lost, follow, adopt } = useFollowedRun(finished, pollInterval);

  // A run may be going already (the schedule's, a colleague's): its progress shows too.
  const lookForRunning = useCallback(
    () =>
      retentionApi.runs(1, 1).then(
        ({ data: [newest] }) => {
          setLatest(newest ?? null);
          if (newest?.status === 'running') adopt(newest);
        },
        () => undefined,
      ),
    [adopt],
  );
  useEffect(() => {
    void lookForRunning();
  }, [lookForRunning]);

  const start = async (dryRun: boolean) => {
    setConfirming(false);
    setStarting(true);
    setNotice(null);
    try {
      const started = await retentionApi.startRun(dryRun);
      follow(started);
      onRunsChanged();
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return;
      if (isRunAlreadyGoing(error)) {
        setNotice({ kind: 'busy' });
        void lookForRunning();
      } else {
        const key = errorMessageKey(error);
        setNotice({ kind: 'start_failed', message: translate(key, { _: key }) });
      }
    } finally {
      setStarting(false);
    }
  };

  const canRun = canAccess(permissions ?? [], 'retention.run');
  const going = starting || run?.status === 'running';
  const lostKey = lost === null ? null : errorMessageKey(lost);
  return (
    <Card component="section" aria-labelledby="retention-run-title" sx={{ flex: 3, minWidth: 0 }}>
      <Box sx={{ p: 2.5 }}>
        <CardHeading
          id="retention-run-title"
          icon={DeleteSweepOutlined}
          title={translate('vigie.retention.run.title')}
          explanation={translate('vigie.retention.run.explanation')}
        />
        {canRun ? (
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
            <Button
              variant="outlined"
              startIcon={<ScienceOutlined />}
              disabled={going}
              onClick={() => void start(true)}
            >
              {translate('vigie.retention.run.dry_run')}
            </Button>
            <Button
              variant="contained"
              startIcon={<PlayArrowOutlined />}
              disabled={going}
              onClick={() => setConfirming(true)}
            >
              {translate('vigie.retention.run.real_run')}
            </Button>
          </Stack>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            {translate('vigie.retention.run.not_allowed')}
          </Typography>
        )}
        <Stack spacing={1.5} sx={{ mt: 2 }} aria-live="polite">
          {notice?.kind === 'busy' && (
            <Alert severity="info" data-testid="run-already-going">
              {translate('vigie.retention.run.already_running')}
            </Alert>
          )}
          {notice?.kind === 'start_failed' && (
            <Alert severity="warning">
              {translate('vigie.retention.run.start_failed', { message: notice.message })}
            </Alert>
          )}
          {starting && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'text.secondary' }}>
              <CircularProgress size={16} color="inherit" />
              <Typography variant="body2">{translate('vigie.retention.run.starting')}</Typography>
            </Stack>
          )}
          {run && lostKey === null && run.status === 'running' && <RunProgress run={run} />}
          {run && lostKey === null && run.status !== 'running' && <RunResult run={run} />}
          {lostKey !== null && (
            <Alert severity="warning">
              {translate('vigie.retention.run.follow_failed', {
                message: translate(lostKey, { _: lostKey }),
              })}
            </Alert>
          )}
          {!run && !starting && latest !== undefined && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" color="text.secondary">
                {latest
                  ? translate('vigie.retention.run.last_run', {
                      date: formatDateTime(new Date(latest.startedAt), locale),
                    })
                  : translate('vigie.retention.run.never_run')}
              </Typography>
              {latest && <RunStatusChip status={latest.status} />}
            </Stack>
          )}
        </Stack>
      </Box>
      {confirming && (
        <ConfirmRunDialog
          cutoff={policy?.cutoffNow ?? null}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void start(false)}
        />
      )}
    </Card>
  );
};
