import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import PauseCircleOutlined from '@mui/icons-material/PauseCircleOutlined';
import SyncOutlined from '@mui/icons-material/SyncOutlined';
import type SvgIcon from '@mui/material/SvgIcon';
import { Chip } from '@mui/material';
import { alpha, useTheme } from '@mui/material/styles';
import type { RetentionRunStatus } from '@vigie/contracts';
import { useTranslate } from 'react-admin';

const ICONS: Readonly<Record<RetentionRunStatus, typeof SvgIcon>> = {
  running: SyncOutlined,
  completed: CheckCircleOutlined,
  failed: ErrorOutlineOutlined,
  interrupted: PauseCircleOutlined,
};

/** How a run ended, tinted as the register's outcomes are: a failure is the one thing that stands out. */
export const RunStatusChip = ({ status }: { status: RetentionRunStatus }) => {
  const translate = useTranslate();
  const { palette } = useTheme();
  const colour = {
    running: palette.info.main,
    completed: palette.success.main,
    failed: palette.error.main,
    interrupted: palette.warning.main,
  }[status];
  const Icon = ICONS[status];
  return (
    <Chip
      size="small"
      icon={<Icon />}
      label={translate(`vigie.retention.runs.statuses.${status}`)}
      data-status={status}
      sx={{
        color: colour,
        bgcolor: alpha(colour, 0.08),
        border: `1px solid ${alpha(colour, 0.3)}`,
        '& .MuiChip-icon': { color: colour, fontSize: 16, ml: '6px' },
      }}
    />
  );
};
