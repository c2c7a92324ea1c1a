import BlockOutlined from '@mui/icons-material/BlockOutlined';
import DeleteSweepOutlined from '@mui/icons-material/DeleteSweepOutlined';
import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import TimerOutlined from '@mui/icons-material/TimerOutlined';
import UndoOutlined from '@mui/icons-material/UndoOutlined';
import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import type SvgIcon from '@mui/material/SvgIcon';
import { Chip } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { DecisionRecordAction, DecisionState } from '@vigie/contracts';
import { useTranslate } from 'react-admin';

/** Each measure's colour, from the mildest to the heaviest; appeal outcomes stay quiet. */
export const ACTION_COLOURS: Readonly<Record<DecisionRecordAction, string>> = {
  no_violation: '#52626f',
  warning: '#8a6a12',
  content_removal: '#c2410c',
  suspension: '#b42318',
  ban: '#7a1a12',
  appeal_upheld: '#52626f',
  appeal_overturned: '#1d5fa8',
};

export const ACTION_ICONS: Readonly<Record<DecisionRecordAction, typeof SvgIcon>> = {
  no_violation: TaskAltOutlined,
  warning: WarningAmberOutlined,
  content_removal: DeleteSweepOutlined,
  suspension: TimerOutlined,
  ban: BlockOutlined,
  appeal_upheld: VerifiedOutlined,
  appeal_overturned: UndoOutlined,
};

const STATE_COLOURS: Readonly<Record<DecisionState, string>> = {
  effective: '#1e7a4f',
  pending_approval: '#b45309',
  rejected: '#52626f',
};

const tinted = (colour: string) => ({
  color: colour,
  bgcolor: alpha(colour, 0.08),
  border: `1px solid ${alpha(colour, 0.3)}`,
  '& .MuiChip-icon': { color: colour },
});

/** "Suspension · 14 jours", or the measure alone. */
export const useActionLabel = () => {
  const translate = useTranslate();
  return (action: DecisionRecordAction | string, durationDays?: number | null): string => {
    const name = translate(`vigie.decisions.actions.${action}`, { _: action });
    return typeof durationDays === 'number'
      ? translate('vigie.decisions.action_days', { action: name, smart_count: durationDays })
      : name;
  };
};

interface ActionChipProps {
  action: DecisionRecordAction;
  durationDays?: number | null;
  size?: 'small' | 'medium';
}

/** A measure in its colour, with its length for a suspension. */
export const DecisionActionChip = ({ action, durationDays, size = 'small' }: ActionChipProps) => {
  const label = useActionLabel();
  const Icon = ACTION_ICONS[action] ?? TaskAltOutlined;
  const colour = ACTION_COLOURS[action] ?? ACTION_COLOURS.no_violation;
  return (
    <Chip
      size={size}
      icon={<Icon />}
      label={label(action, durationDays)}
      data-action={action}
      sx={{ ...tinted(colour), fontWeight: 600 }}
    />
  );
};

/** Effective, waiting for a lead, or rejected. */
export const DecisionStateChip = ({ state }: { state: DecisionState }) => {
  const translate = useTranslate();
  const colour = STATE_COLOURS[state];
  return (
    <Chip
      size="small"
      variant={state === 'pending_approval' ? 'filled' : 'outlined'}
      label={translate(`vigie.decisions.states.${state}`)}
      data-state={state}
      data-testid="decision-state"
      sx={
        state === 'pending_approval'
          ? { color: '#fff', bgcolor: colour, fontWeight: 600 }
          : { ...tinted(colour), bgcolor: 'transparent' }
      }
    />
  );
};
