import RadioButtonChecked from '@mui/icons-material/RadioButtonChecked';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import type SvgIcon from '@mui/material/SvgIcon';
import { Box, FormHelperText, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  title: string;
  hint: string;
  icon: typeof SvgIcon;
  colour: string;
}

interface ChoiceCardsProps<T extends string> {
  /** The radio group's accessible name. */
  label: string;
  name: string;
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string;
  disabled?: boolean;
  /** Columns on wide screens; one column on phones. */
  columns?: number;
  testId?: string;
}

/**
 * A choice among a few weighty options, each a card with its icon and a one-line explanation.
 * Real radio inputs underneath: arrow keys, focus and screen readers work as with any radios.
 */
export const ChoiceCards = <T extends string>({
  label,
  name,
  choices,
  value,
  onChange,
  error,
  disabled = false,
  columns = 1,
  testId,
}: ChoiceCardsProps<T>) => {
  const id = useId();
  return (
    <Box>
      <Box
        role="radiogroup"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
        sx={{
          display: 'grid',
          gap: 1,
          gridTemplateColumns: { xs: '1fr', sm: `repeat(${columns}, minmax(0, 1fr))` },
        }}
      >
        {choices.map((choice) => {
          const selected = value === choice.value;
          const Icon = choice.icon;
          const Mark = selected ? RadioButtonChecked : RadioButtonUnchecked;
          return (
            <Box
              key={choice.value}
              component="label"
              data-choice={choice.value}
              data-selected={selected}
              sx={(theme) => ({
                position: 'relative',
                display: 'flex',
                alignItems: 'center',
                gap: 1.5,
                px: 1.75,
                py: 1.25,
                borderRadius: 2,
                border: '1px solid',
                borderColor: selected ? choice.colour : error ? 'error.main' : 'divider',
                bgcolor: selected ? alpha(choice.colour, 0.07) : 'background.paper',
                boxShadow: selected ? `inset 0 0 0 1px ${choice.colour}` : 'none',
                cursor: disabled ? 'default' : 'pointer',
                opacity: disabled && !selected ? 0.6 : 1,
                transition: theme.transitions.create(['border-color', 'background-color']),
                '&:hover': disabled ? {} : { borderColor: choice.colour },
                '&:has(input:focus-visible)': {
                  outline: `2px solid ${theme.palette.primary.main}`,
                  outlineOffset: 2,
                },
              })}
            >
              <input
                type="radio"
                name={name}
                value={choice.value}
                checked={selected}
                disabled={disabled}
                onChange={() => onChange(choice.value)}
                aria-labelledby={`${id}-${choice.value}-title`}
                aria-describedby={`${id}-${choice.value}-hint`}
                style={{ position: 'absolute', opacity: 0, width: 1, height: 1, margin: 0 }}
              />
              <Box
                aria-hidden
                sx={{
                  flexShrink: 0,
                  width: 36,
                  height: 36,
                  borderRadius: '10px',
                  display: 'grid',
                  placeItems: 'center',
                  color: choice.colour,
                  bgcolor: alpha(choice.colour, 0.1),
                }}
              >
                <Icon sx={{ fontSize: 20 }} />
              </Box>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography id={`${id}-${choice.value}-title`} variant="body2" sx={{ fontWeight: 700 }}>
                  {choice.title}
                </Typography>
                <Typography
                  id={`${id}-${choice.value}-hint`}
                  variant="caption"
                  color="text.secondary"
                  sx={{ display: 'block', lineHeight: 1.35 }}
                >
                  {choice.hint}
                </Typography>
              </Box>
              <Mark aria-hidden sx={{ fontSize: 20, color: selected ? choice.colour : 'text.disabled' }} />
            </Box>
          );
        })}
      </Box>
      {error && (
        <FormHelperText error id={`${id}-error`} sx={{ mx: 1.75 }}>
          {error}
        </FormHelperText>
      )}
    </Box>
  );
};
