import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import BackHandOutlined from '@mui/icons-material/BackHandOutlined';
import PersonRemoveOutlined from '@mui/icons-material/PersonRemoveOutlined';
import { Button, CircularProgress, Divider, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { CaseDetail, CaseListItem } from '@vigie/contracts';
import { useState } from 'react';
import { HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { AssigneeMenu } from '../components/AssigneeMenu';
import { type CasesApi, casesApi, conflictOf } from './casesApi';
import { useAssignees } from '../common/assignees';

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
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { assignees, isPending } = useAssignees(anchor !== null, api);
  const { pending, run } = useAssignmentChange();
  const assign = (assigneeId: string | null, name?: string) => {
    setAnchor(null);
    void run(
      () => api.assign(record.id, assigneeId, record.version),
      () => (assigneeId ? ['vigie.cases.assigned_to', { name }] : ['vigie.cases.unassigned_done']),
    );
  };
  return (
    <>
      <Button
        variant="outlined"
        endIcon={pending ? <CircularProgress size={16} color="inherit" /> : <ArrowDropDown />}
        disabled={pending}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        data-testid="assign-case"
      >
        {translate(record.assignee ? 'vigie.cases.actions.reassign' : 'vigie.cases.actions.assign')}
      </Button>
      <AssigneeMenu
        anchor={anchor}
        onClose={() => setAnchor(null)}
        assignees={assignees}
        isPending={isPending}
        loadingLabel={translate('ra.page.loading')}
        onPick={(assignee) => assign(assignee.id, assignee.name)}
        currentId={record.assignee?.id}
      >
        {record.assignee && <Divider />}
        {record.assignee && (
          <MenuItem onClick={() => assign(null)}>
            <ListItemIcon>
              <PersonRemoveOutlined fontSize="small" />
            </ListItemIcon>
            <ListItemText primary={translate('vigie.cases.actions.unassign')} />
          </MenuItem>
        )}
      </AssigneeMenu>
    </>
  );
};
