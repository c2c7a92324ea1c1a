import { TextField } from '@mui/material';
import type { ReactNode } from 'react';

interface ReasonFieldProps {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  minRows: number;
  maxLength: number;
  required?: boolean;
  disabled: boolean;
  error?: boolean;
  helperText?: ReactNode;
  testId: string;
}

/** The reason a dialog asks for (closing, reopening, a legal hold): it goes to the case's history. */
export const ReasonField = ({
  label,
  placeholder,
  value,
  onChange,
  minRows,
  maxLength,
  required = false,
  disabled,
  error = false,
  helperText,
  testId,
}: ReasonFieldProps) => (
  <TextField
    name="reason"
    label={label}
    placeholder={placeholder}
    value={value}
    onChange={(event) => onChange(event.target.value)}
    multiline
    minRows={minRows}
    maxRows={8}
    required={required}
    autoFocus
    disabled={disabled}
    error={error}
    helperText={helperText}
    slotProps={{ htmlInput: { maxLength, 'data-testid': testId } }}
  />
);
