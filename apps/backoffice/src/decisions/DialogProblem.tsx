import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import { Alert, Box, Button } from '@mui/material';
import { useRefresh, useTranslate } from 'react-admin';

/** What went wrong with a form's sending: the case changed (reload it, keep the typing), or why not. */
export type Problem = { kind: 'stale' } | { kind: 'reloaded' } | { kind: 'message'; text: string };

interface DialogProblemProps {
  problem: Problem | null;
  onChange: (problem: Problem) => void;
}

/** Under a dialog's form: a conflict offers to reload the case while the dialog keeps what was typed. */
export const DialogProblem = ({ problem, onChange }: DialogProblemProps) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  if (!problem) return null;
  return (
    <Box sx={{ px: 3, pt: 2 }}>
      {problem.kind === 'stale' ? (
        <Alert
          severity="warning"
          role="alert"
          data-testid="decision-stale"
          action={
            <Button
              color="inherit"
              size="small"
              startIcon={<RefreshOutlined />}
              onClick={() => {
                // The page reads the case again; the dialog sends the new version next time.
                refresh();
                onChange({ kind: 'reloaded' });
              }}
            >
              {translate('vigie.decisions.refusals.reload')}
            </Button>
          }
        >
          {translate('vigie.decisions.refusals.stale_version')}
        </Alert>
      ) : problem.kind === 'reloaded' ? (
        <Alert severity="info" role="status">
          {translate('vigie.decisions.refusals.reloaded')}
        </Alert>
      ) : (
        <Alert severity="error" role="alert" data-testid="decision-error">
          {problem.text}
        </Alert>
      )}
    </Box>
  );
};
