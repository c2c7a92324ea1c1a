import { Alert, AlertTitle, Typography } from '@mui/material';
import type { RetentionRun } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import { MONOSPACE } from '../common/format';
import { RunCounts } from './RunCounts';

/** How a followed run ended, in words, with what it did. */
export const RunResult = ({ run }: { run: RetentionRun }) => {
  const translate = useTranslate();
  const message = (key: string) => translate(`vigie.retention.run.${key}`);
  const [severity, title, body] =
    run.status === 'failed'
      ? (['error', message('failed'), message('failed_body')] as const)
      : run.status === 'interrupted'
        ? (['warning', message('interrupted'), message('interrupted_body')] as const)
        : run.dryRun
          ? (['info', message('done_dry'), message('done_dry_body')] as const)
          : (['success', message('done_real'), message('done_real_body')] as const);
  return (
    <Alert severity={severity} data-testid="run-result" data-status={run.status} role="status">
      <AlertTitle sx={{ fontWeight: 700 }}>{title}</AlertTitle>
      <Typography variant="body2">{body}</Typography>
      {run.error && (
        <Typography
          variant="body2"
          component="pre"
          sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem', whiteSpace: 'pre-wrap', mt: 0.75, mb: 0 }}
        >
          {run.error}
        </Typography>
      )}
      <RunCounts run={run} />
    </Alert>
  );
};
