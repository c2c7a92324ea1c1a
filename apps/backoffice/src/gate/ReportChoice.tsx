import { Box, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { CaseReport } from '@vigie/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../i18n/relativeTime';
import { CategoryChip } from '../components/CaseChips';
import { excerpt } from './gateRules';

interface ReportChoiceProps {
  report: CaseReport;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** One report the access may rely on: its category, who reported and when, what they said. */
export const ReportChoice = ({ report, checked, onChange, disabled = false }: ReportChoiceProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const reporter = report.reporter.displayName ?? report.reporter.externalId;
  return (
    <FormControlLabel
      data-testid="gate-report"
      data-report={report.id}
      disabled={disabled}
      control={
        <Checkbox checked={checked} onChange={(event) => onChange(event.target.checked)} sx={{ mt: -0.5 }} />
      }
      sx={(theme) => ({
        m: 0,
        px: 1,
        py: 1.25,
        alignItems: 'flex-start',
        borderRadius: '10px',
        border: `1px solid ${checked ? theme.palette.primary.main : theme.palette.divider}`,
        bgcolor: checked ? alpha(theme.palette.primary.main, 0.04) : 'transparent',
        transition: theme.transitions.create(['border-color', 'background-color']),
      })}
      label={
        <Box sx={{ minWidth: 0, pl: 0.25 }}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <CategoryChip category={report.category} />
            <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
              {translate('vigie.gate.dialog.report_by', { name: reporter })}
            </Typography>
            <Typography component="span" variant="body2" color="text.secondary">
              {formatDateTime(new Date(report.reportedAt), locale)}
            </Typography>
          </Stack>
          <Typography
            variant="body2"
            color={report.comment ? 'text.primary' : 'text.secondary'}
            sx={{ mt: 0.75, fontStyle: report.comment ? 'normal' : 'italic' }}
          >
            {report.comment
              ? translate('vigie.gate.dialog.quoted', { text: excerpt(report.comment) })
              : translate('vigie.gate.dialog.no_comment')}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
            {translate('vigie.gate.dialog.report_messages', {
              smart_count: report.reportedMessageIds.length,
            })}
          </Typography>
        </Box>
      }
    />
  );
};
