import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import Check from '@mui/icons-material/Check';
import { Button, type ButtonProps, CircularProgress, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { useTranslate } from 'react-admin';
import { type Assignee, useAssignees } from '../common/assignees';
import { PersonAvatar } from './PersonAvatar';

interface AssigneeMenuButtonProps {
  label: string;
  /** An assignment is being sent: the button spins and waits. */
  pending: boolean;
  loadingLabel: string;
  onPick: (assignee: Assignee) => void;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
  testId: string;
  /** Ticked, and not picked again. */
  currentId?: string;
  /** Where the list comes from (tests give their own). */
  api?: Parameters<typeof useAssignees>[1];
  /** After the list, given what closes the menu: giving the case back to the queue. */
  footer?: (close: () => void) => ReactNode;
}

/**
 * A button that opens the moderators and leads to give work to, each with their roles; the list
 * is read when the menu first opens.
 */
export const AssigneeMenuButton = ({
  label,
  pending,
  loadingLabel,
  onPick,
  size,
  variant,
  testId,
  currentId,
  api,
  footer,
}: AssigneeMenuButtonProps) => {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { assignees, isPending } = useAssignees(anchor !== null, api);
  const close = () => setAnchor(null);
  return (
    <>
      <Button
        size={size}
        variant={variant}
        endIcon={pending ? <CircularProgress size={size === 'small' ? 14 : 16} color="inherit" /> : <ArrowDropDown />}
        disabled={pending}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        data-testid={testId}
      >
        {label}
      </Button>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={close}
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
            <MenuItem
              key={assignee.id}
              selected={current}
              onClick={() => {
                if (current) return;
                close();
                onPick(assignee);
              }}
            >
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
        {footer?.(close)}
      </Menu>
    </>
  );
};
