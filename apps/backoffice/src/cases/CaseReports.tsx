import ArrowForward from '@mui/icons-material/ArrowForward';
import ChatBubbleOutlineOutlined from '@mui/icons-material/ChatBubbleOutlineOutlined';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import { Box, Chip, Divider, Stack, Typography } from '@mui/material';
import type { CaseReport } from '@vigie/contracts';
import { Fragment } from 'react';
import { useTranslate } from 'react-admin';
import { RelativeDate } from '../components/RelativeDate';
import { CategoryChip } from '../components/CaseChips';
import { ParticipantLabel } from '../components/PeopleLabels';
import { SectionCard } from '../components/SectionCard';

const mono = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

const ReportItem = ({ report }: { report: CaseReport }) => {
  const translate = useTranslate();
  return (
    <Box component="article" data-testid="case-report" data-report={report.externalId} sx={{ py: 2 }}>
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', rowGap: 1 }}
      >
        <CategoryChip category={report.category} />
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'text.secondary' }}>
          <ScheduleOutlined sx={{ fontSize: 16 }} aria-hidden />
          <RelativeDate value={report.reportedAt} emptyText="" />
        </Stack>
      </Stack>

      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1.5}
        sx={{ alignItems: { sm: 'center' }, mt: 1.5 }}
      >
        <Box>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            {translate('vigie.cases.reports.reporter')}
          </Typography>
          <ParticipantLabel participant={report.reporter} showExternalId />
        </Box>
        <ArrowForward sx={{ color: 'text.disabled', display: { xs: 'none', sm: 'block' } }} aria-hidden />
        <Box>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            {translate('vigie.cases.reports.reported_user')}
          </Typography>
          <ParticipantLabel participant={report.reported} showExternalId />
        </Box>
      </Stack>

      {report.comment ? (
        <Box
          component="blockquote"
          sx={{
            m: 0,
            mt: 1.5,
            px: 1.75,
            py: 1.25,
            borderLeft: 3,
            borderColor: 'primary.light',
            bgcolor: 'background.default',
            borderRadius: '0 8px 8px 0',
          }}
        >
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 0.25 }}>
            {translate('vigie.cases.reports.comment')}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {report.comment}
          </Typography>
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5, fontStyle: 'italic' }}>
          {translate('vigie.cases.reports.no_comment')}
        </Typography>
      )}

      <Stack
        direction="row"
        spacing={0.75}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 1.5 }}
      >
        <ChatBubbleOutlineOutlined sx={{ fontSize: 16, color: 'text.secondary' }} aria-hidden />
        <Typography variant="body2" color="text.secondary">
          {translate('vigie.cases.reports.messages', { smart_count: report.reportedMessageIds.length })}
        </Typography>
        {report.reportedMessageIds.map((id) => (
          <Chip
            key={id}
            size="small"
            label={id}
            variant="outlined"
            sx={{ fontFamily: mono, fontWeight: 500, height: 22 }}
          />
        ))}
      </Stack>

      {report.cleanedFields.length > 0 && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }} data-testid="report-cleaned">
          {translate('vigie.cases.reports.cleaned', { fields: report.cleanedFields.join(', ') })}
        </Typography>
      )}
    </Box>
  );
};

/** What each reporter said, oldest first: category, who reported whom, their words, which messages. */
export const CaseReports = ({ reports }: { reports: readonly CaseReport[] }) => {
  const translate = useTranslate();
  return (
    <SectionCard
      title={translate('vigie.cases.sections.reports')}
      icon={FlagOutlined}
      count={reports.length}
      testId="case-reports"
    >
      {reports.map((report, index) => (
        <Fragment key={report.id}>
          {index > 0 && <Divider />}
          <ReportItem report={report} />
        </Fragment>
      ))}
    </SectionCard>
  );
};
