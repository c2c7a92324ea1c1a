import BackHandOutlined from '@mui/icons-material/BackHandOutlined';
import PersonRemoveOutlined from '@mui/icons-material/PersonRemoveOutlined';
import { Button, CircularProgress, Divider, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { CaseDetail, CaseListItem } from '@vigie/contracts';
import { useState } from 'react';
import { HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { AssigneeMenuButton } from '../components/AssigneeMenu';
import { type CasesApi, casesApi, conflictOf } from './casesApi';

/** Cases that can still be taken or given: not yet decided. */
export const isWorkable = (record: Pick<CaseListItem, 'status'>): boolean =>
  record.status === 'open' || record.status === 'in_review';

/**
 * Runs a change of assignment and says how it went. A refusal because the case moved on
 * (a colleague took it, it changed, it closed) warns and reloads the case as it is now.
 */
const useAssignmentChange = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const run = async (
    change: () => Promise<CaseDetail>,
    success: (updated: CaseDetail) => [string, Record<string, unknown>?],
  ) => {
    setPending(true);
    try {
      const updated = await change();
      const [message, messageArgs] = success(updated);
      notify(message, { type: 'success', messageArgs });
    } catch (error) {
      const conflict = conflictOf(error);
      if (conflict) notify(`vigie.cases.conflicts.${conflict}`, { type: 'warning', autoHideDuration: 8000 });
      else
        notify(
          error instanceof HttpError || error instanceof Error ? error.message : 'vigie.errors.unavailable',
          { type: 'error' },
        );
    } finally {
      setPending(false);
      // Whatever happened, show the case (and the queue) as they are now.
      refresh();
    }
  };
  return { pending, run };
};

interface CaseActionProps {
  record: CaseListItem;
  api?: CasesApi;
}

/** "Prendre le dossier": the case becomes the signed-in moderator's. */
export const ClaimButton = ({ record, api = casesApi }: CaseActionProps) => {
  const { pending, run } = useAssignmentChange();
  return (
    <Button
      variant="contained"
      startIcon={pending ? <CircularProgress size={16} color="inherit" /> : <BackHandOutlined />}
      disabled={pending}
      onClick={() =>
        run(
          () => api.claim(record.id, record.version),
          () => ['vigie.cases.claimed'],
        )
      }
      data-testid="claim-case"
    >
      {useTranslate()('vigie.cases.actions.claim')}
    </Button>
  );
};

/** Leads give the case to a moderator or lead, or put it back in the queue. */
export const AssignButton = ({ record, api = casesApi }: CaseActionProps) => {
  const translate = useTranslate();
  const { pending, run } = useAssignmentChange();
  const assign = (assigneeId: string | null, name?: string) =>
    void run(
      () => api.assign(record.id, assigneeId, record.version),
      () => (assigneeId ? ['vigie.cases.assigned_to', { name }] : ['vigie.cases.unassigned_done']),
    );
  return (
    <AssigneeMenuButton
      label={translate(record.assignee ? 'vigie.cases.actions.reassign' : 'vigie.cases.actions.assign')}
      variant="outlined"
      pending={pending}
      testId="assign-case"
      loadingLabel={translate('ra.page.loading')}
      onPick={(assignee) => assign(assignee.id, assignee.name)}
      currentId={record.assignee?.id}
      api={api}
      footer={(close) =>
        record.assignee && [
          <Divider key="divider" />,
          <MenuItem
            key="unassign"
            onClick={() => {
              close();
              assign(null);
            }}
          >
            <ListItemIcon>
              <PersonRemoveOutlined fontSize="small" />
            </ListItemIcon>
            <ListItemText primary={translate('vigie.cases.actions.unassign')} />
          </MenuItem>,
        ]
      }
    />
  );
};
