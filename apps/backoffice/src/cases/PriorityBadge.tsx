import PriorityHighRounded from '@mui/icons-material/PriorityHighRounded';
import { Box, Tooltip, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { ReportCategory } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import { priorityColours } from '../common/caseColours';
import { type PriorityLevel, priorityLevel } from '../common/casePriority';

// Four bars like a signal meter: the level reads without colour too.
const BARS: Readonly<Record<PriorityLevel, number>> = { critical: 4, high: 3, medium: 2, low: 1 };

interface PriorityBadgeProps {
  priority: number;
  categories: readonly ReportCategory[];
  size?: 'small' | 'medium';
}

/** The case's urgency as a level ("Critique"), its score on hover. */
export const PriorityBadge = ({ priority, categories, size = 'small' }: PriorityBadgeProps) => {
  const translate = useTranslate();
  const level = priorityLevel(priority, categories);
  const colour = priorityColours[level];
  const critical = level === 'critical';
  const height = size === 'small' ? 24 : 30;
  return (
    <Tooltip title={translate('vigie.cases.priority_score', { score: priority })} placement="top-start">
      <Box
        data-priority-level={level}
        sx={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.75,
          height,
          pl: 0.75,
          pr: 1.25,
          borderRadius: `${height / 2}px`,
          color: critical ? '#fff' : colour,
          bgcolor: critical ? colour : alpha(colour, 0.08),
          border: `1px solid ${critical ? colour : alpha(colour, 0.3)}`,
          whiteSpace: 'nowrap',
        }}
      >
        {critical ? (
          <PriorityHighRounded sx={{ fontSize: 16 }} aria-hidden />
        ) : (
          <Box
            component="span"
            aria-hidden
            sx={{ display: 'inline-flex', alignItems: 'flex-end', gap: '2px', height: 12 }}
          >
            {[1, 2, 3, 4].map((bar) => (
              <Box
                key={bar}
                component="span"
                sx={{
                  width: 3,
                  height: 3 + bar * 2.25,
                  borderRadius: '1px',
                  bgcolor: bar <= BARS[level] ? colour : alpha(colour, 0.22),
                }}
              />
            ))}
          </Box>
        )}
        <Typography
          component="span"
          variant="body2"
          sx={{ fontWeight: 700, fontSize: size === 'small' ? '0.8125rem' : '0.875rem' }}
        >
          {translate(`vigie.cases.priority_levels.${level}`)}
        </Typography>
      </Box>
    </Tooltip>
  );
};
