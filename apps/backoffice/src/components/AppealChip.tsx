import BalanceOutlined from '@mui/icons-material/BalanceOutlined';
import { Chip, Tooltip } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useTranslate } from 'react-admin';

const APPEAL_COLOUR = '#1d5fa8';

/** "Recours": the case contests a decision, which someone else than its author must review. */
export const AppealChip = ({ size = 'small' }: { size?: 'small' | 'medium' }) => {
  const translate = useTranslate();
  return (
    <Tooltip title={translate('vigie.decisions.appeal.chip_hint')}>
      <Chip
        size={size}
        icon={<BalanceOutlined />}
        label={translate('vigie.decisions.appeal.chip')}
        data-testid="appeal-chip"
        sx={{
          fontWeight: 700,
          color: APPEAL_COLOUR,
          bgcolor: alpha(APPEAL_COLOUR, 0.1),
          border: `1px solid ${alpha(APPEAL_COLOUR, 0.4)}`,
          '& .MuiChip-icon': { color: APPEAL_COLOUR },
        }}
      />
    </Tooltip>
  );
};
