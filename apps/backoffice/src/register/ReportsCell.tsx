import { Box, Tooltip, Typography } from '@mui/material';
import type { AccessLogEntry } from '@vigie/contracts';
import { useLocaleState, useTranslate } from 'react-admin';

// Short: the register's table has many columns; the tooltip holds the report's id.
const shortDateTime = (at: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(at));

/** The reports an access relied on: their category in words and when they were made. */
export const ReportsCell = ({ reports, reportIds }: { reports: AccessLogEntry['reports']; reportIds: string[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (reports.length === 0) {
    return (
      <Typography component="span" variant="body2" color="text.disabled">
        {translate(reportIds.length > 0 ? 'vigie.register.reports.not_found' : 'vigie.register.case.none')}
      </Typography>
    );
  }
  return (
    <Box data-testid="reports-cell">
      {reports.map((report) => (
        <Tooltip key={report.id} title={report.id} placement="top-start">
          <Box>
            <Typography component="span" variant="body2" sx={{ display: 'block', fontWeight: 600 }}>
              {translate(`vigie.cases.categories.${report.category}`, { _: report.category })}
            </Typography>
            <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
              {shortDateTime(report.reportedAt, locale)}
            </Typography>
          </Box>
        </Tooltip>
      ))}
    </Box>
  );
};
