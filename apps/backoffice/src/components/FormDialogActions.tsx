import { Button, type ButtonProps, CircularProgress, DialogActions } from '@mui/material';
import type { ReactNode } from 'react';

interface FormDialogActionsProps {
  cancelLabel: string;
  submitLabel: string;
  /** Shown on the submit button; a spinner replaces it while the form is being sent. */
  icon: ReactNode;
  pending: boolean;
  onCancel: () => void;
  submitTestId: string;
  color?: ButtonProps['color'];
  /** Besides while sending. */
  disabled?: boolean;
}

/** The footer of a form dialog: cancel, and a submit button of the form that shows it is sending. */
export const FormDialogActions = ({
  cancelLabel,
  submitLabel,
  icon,
  pending,
  onCancel,
  submitTestId,
  color,
  disabled = false,
}: FormDialogActionsProps) => (
  <DialogActions sx={{ px: 3, py: 2 }}>
    <Button color="inherit" onClick={onCancel} disabled={pending}>
      {cancelLabel}
    </Button>
    <Button
      type="submit"
      variant="contained"
      color={color}
      disabled={pending || disabled}
      startIcon={pending ? <CircularProgress size={16} color="inherit" /> : icon}
      data-testid={submitTestId}
    >
      {submitLabel}
    </Button>
  </DialogActions>
);
