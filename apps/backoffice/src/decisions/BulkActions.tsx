import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
} from '@mui/material';
import type { BulkResult, StaffRole } from '@vigie/contracts';
import { lazy, Suspense, useState } from 'react';
import { useLogoutIfAccessDenied, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { AssigneeMenuButton } from '../components/AssigneeMenu';
import { canAccess } from '../permissions';
import { MAX_BULK_CASES } from './bulkLimits';
import { BulkResultView } from './BulkResultView';
import { type DecisionsApi, decisionsApi } from './decisionsApi';
import { refusalText } from '../common/refusals';
import { useQueueSelection } from './useQueueSelection';

export { MAX_BULK_CASES } from './bulkLimits';

// The dismissal form (clauses, statement checks) loads when first opened: the queue stays light.
const BulkDismissDialog = lazy(() =>
  import('./BulkDismissDialog').then((module) => ({ default: module.BulkDismissDialog })),
);

/** "Classer sans suite" the selected cases, with one shared statement of reasons. */
const BulkDismissButton = ({ api }: { api: DecisionsApi }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { unselect } = useQueueSelection();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        startIcon={<TaskAltOutlined />}
        onClick={() => setOpen(true)}
        data-testid="bulk-dismiss"
      >
        {translate('vigie.decisions.bulk.dismiss')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <BulkDismissDialog
            api={api}
            onClose={(changed) => {
              setOpen(false);
              if (changed) {
                unselect();
                refresh();
              }
            }}
          />
        </Suspense>
      )}
    </>
  );
};

/** Leads give the selected cases to a moderator or lead; the refusals, if any, are listed. */
const BulkAssignButton = ({ api }: { api: DecisionsApi }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const { ids, nameOf, unselect } = useQueueSelection();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);

  const assign = async (assigneeId: string) => {
    if (ids.length > MAX_BULK_CASES) {
      notify('vigie.decisions.bulk.too_many', { type: 'warning', messageArgs: { max: MAX_BULK_CASES } });
      return;
    }
    setPending(true);
    try {
      const outcome = await api.bulk({ action: 'assign', caseIds: ids, assigneeId });
      if (outcome.failed === 0) {
        notify('vigie.decisions.bulk.done', {
          type: 'success',
          messageArgs: { smart_count: outcome.succeeded },
        });
        unselect();
      } else setResult(outcome);
      refresh();
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return;
      notify('vigie.decisions.bulk.failed', {
        type: 'error',
        messageArgs: { message: refusalText(error, translate) },
      });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <AssigneeMenuButton
        label={translate('vigie.decisions.bulk.assign')}
        size="small"
        pending={pending}
        testId="bulk-assign"
        loadingLabel={translate('vigie.decisions.bulk.assign_loading')}
        onPick={(assignee) => void assign(assignee.id)}
      />
      {result && (
        <Dialog open onClose={() => setResult(null)} maxWidth="sm" fullWidth data-testid="bulk-assign-result">
          <DialogTitle>{translate('vigie.decisions.bulk.result_title')}</DialogTitle>
          <DialogContent dividers>
            <BulkResultView result={result} nameOf={nameOf} />
          </DialogContent>
          <DialogActions sx={{ px: 3, py: 2 }}>
            <Button
              variant="contained"
              onClick={() => {
                setResult(null);
                unselect();
              }}
            >
              {translate('vigie.decisions.bulk.close')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};

/** The queue's bulk actions: dismissing for everyone who works the queue, assigning for leads. */
export const QueueBulkActions = ({ api = decisionsApi }: { api?: DecisionsApi }) => {
  const { permissions } = usePermissions<StaffRole[]>();
  const roles = permissions ?? [];
  return (
    <Stack direction="row" spacing={1}>
      {canAccess(roles, 'case.assign') && <BulkAssignButton api={api} />}
      {canAccess(roles, 'queue.view') && <BulkDismissButton api={api} />}
    </Stack>
  );
};
