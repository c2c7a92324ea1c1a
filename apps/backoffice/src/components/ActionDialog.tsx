import { Alert, Box, type ButtonProps, Dialog, DialogContent, DialogTitle, Stack } from '@mui/material';
import { type FormEvent, type ReactNode, useId } from 'react';
import { DialogHeading, type DialogTone } from './DialogHeading';
import { FormDialogActions } from './FormDialogActions';

interface ActionDialogProps {
  title: ReactNode;
  /** With an icon the title becomes a DialogHeading; without, a plain title. */
  icon?: ReactNode;
  tone?: DialogTone;
  /** Below the title, beside the icon. */
  subtitle?: ReactNode;
  /** Room below the heading (with an icon). */
  headingSpace?: number;
  testId: string;
  /** Extra `data-*` attributes the specs and journeys read (the change, the scope…). */
  data?: Record<`data-${string}`, string | boolean>;
  maxWidth?: 'sm' | 'md';
  scroll?: 'paper' | 'body';
  open?: boolean;
  onClose: () => void;
  /** Given, the content and the footer are one form (its submit button is in the footer). */
  onSubmit?: (event: FormEvent) => void;
  /** The spacing of the content's stack. */
  spacing?: number;
  /** A failure to show at the end of the content. */
  failure?: ReactNode;
  /** Between the content and the footer, outside the scrolling content (a problem with a reload). */
  beforeFooter?: ReactNode;
  /** The usual footer of a form: cancel (as closing does), and a submit button that shows the sending. */
  submit?: {
    label: string;
    cancelLabel: string;
    icon: ReactNode;
    testId: string;
    pending: boolean;
    color?: ButtonProps['color'];
  };
  /** Any other footer. */
  footer?: ReactNode;
  children: ReactNode;
}

/**
 * The shell of a dialog that asks for an action and its reasons: the heading, the content in a
 * stack, a failure alert, the footer — and the form that joins content and footer when there is one.
 */
export const ActionDialog = ({
  title,
  icon,
  tone,
  subtitle,
  headingSpace,
  testId,
  data,
  maxWidth = 'sm',
  scroll,
  open = true,
  onClose,
  onSubmit,
  spacing = 2.5,
  failure,
  beforeFooter,
  submit,
  footer,
  children,
}: ActionDialogProps) => {
  const titleId = useId();
  const body = (
    <>
      <DialogContent dividers>
        <Stack spacing={spacing}>
          {children}
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      {beforeFooter}
      {submit && (
        <FormDialogActions
          cancelLabel={submit.cancelLabel}
          submitLabel={submit.label}
          icon={submit.icon}
          color={submit.color}
          pending={submit.pending}
          onCancel={onClose}
          submitTestId={submit.testId}
        />
      )}
      {footer}
    </>
  );
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth={maxWidth}
      fullWidth
      scroll={scroll}
      aria-labelledby={titleId}
      data-testid={testId}
      {...data}
    >
      {icon ? (
        <DialogHeading id={titleId} icon={icon} tone={tone} title={title} spaceBelow={headingSpace}>
          {subtitle}
        </DialogHeading>
      ) : (
        <DialogTitle id={titleId}>{title}</DialogTitle>
      )}
      {onSubmit ? (
        <Box component="form" onSubmit={onSubmit} noValidate sx={{ display: 'contents' }}>
          {body}
        </Box>
      ) : (
        body
      )}
    </Dialog>
  );
};
