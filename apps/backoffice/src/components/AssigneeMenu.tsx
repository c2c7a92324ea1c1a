import Check from '@mui/icons-material/Check';
import { CircularProgress, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { Assignee } from '../common/assignees';
import { PersonAvatar } from './PersonAvatar';

interface AssigneeMenuProps {
  anchor: HTMLElement | null;
  onClose: () => void;
  assignees: readonly Assignee[];
  isPending: boolean;
  loadingLabel: string;
  onPick: (assignee: Assignee) => void;
  /** Ticked, and not picked again. */
  currentId?: string;
  /** After the list: giving the case back to the queue. */
  children?: ReactNode;
}

/** The moderators and leads to give work to, each with their roles. */
export const AssigneeMenu = ({
  anchor,
  onClose,
  assignees,
  isPending,
  loadingLabel,
  onPick,
  currentId,
  children,
}: AssigneeMenuProps) => {
  const translate = useTranslate();
  return (
    <Menu
      anchorEl={anchor}
      open={anchor !== null}
      onClose={onClose}
      slotProps={{ paper: { sx: { minWidth: 260, maxHeight: 420 } } }}
    >
      {isPending && (
        <MenuItem disabled>
          <ListItemIcon>
            <CircularProgress size={18} />
          </ListItemIcon>
          <ListItemText primary={loadingLabel} />
        </MenuItem>
      )}
      {assignees.map((assignee) => {
        const current = currentId === assignee.id;
        return (
          <MenuItem key={assignee.id} selected={current} onClick={() => !current && onPick(assignee)}>
            <ListItemIcon>
              <PersonAvatar name={assignee.name} size={26} />
            </ListItemIcon>
            <ListItemText
              primary={assignee.name}
              secondary={assignee.roles.map((role) => translate(`vigie.roles.${role}`)).join(', ')}
            />
            {current && <Check fontSize="small" color="primary" sx={{ ml: 1 }} />}
          </MenuItem>
        );
      })}
      {children}
    </Menu>
  );
};
