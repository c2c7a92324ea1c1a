import { Chip, Stack, Tooltip } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { CaseStatus, ReportCategory } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import { priorityColours, statusColours } from '../common/caseColours';
import { byGravity, categoryLevel } from '../common/casePriority';

const tinted = (colour: string) => ({
  color: colour,
  bgcolor: alpha(colour, 0.08),
  border: `1px solid ${alpha(colour, 0.3)}`,
});

/** A report category, in its severity's colour. */
export const CategoryChip = ({ category }: { category: ReportCategory }) => {
  const translate = useTranslate();
  const level = categoryLevel(category);
  const colour = priorityColours[level];
  return (
    <Chip
      size="small"
      label={translate(`vigie.cases.categories.${category}`)}
      data-category={category}
      data-level={level}
      sx={
        // A risk to a minor is the one thing the queue must never let slip by: filled, not tinted.
        level === 'critical'
          ? { color: '#fff', bgcolor: colour, border: `1px solid ${colour}` }
          : tinted(colour)
      }
    />
  );
};

interface CategoryChipsProps {
  categories: readonly ReportCategory[];
  /** How many chips before a "+N" that lists the others on hover. */
  max?: number;
}

/** The categories gravest first. */
export const CategoryChips = ({ categories, max = Infinity }: CategoryChipsProps) => {
  const translate = useTranslate();
  const sorted = byGravity(categories);
  const shown = sorted.slice(0, max);
  const hidden = sorted.slice(max);
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {shown.map((category) => (
        <CategoryChip key={category} category={category} />
      ))}
      {hidden.length > 0 && (
        <Tooltip title={hidden.map((category) => translate(`vigie.cases.categories.${category}`)).join(', ')}>
          <Chip size="small" variant="outlined" label={`+${hidden.length}`} />
        </Tooltip>
      )}
    </Stack>
  );
};

export const CaseStatusChip = ({ status }: { status: CaseStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      label={translate(`vigie.cases.statuses.${status}`)}
      data-status={status}
      sx={tinted(statusColours[status])}
    />
  );
};
