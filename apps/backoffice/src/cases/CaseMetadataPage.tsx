import FlagOutlined from '@mui/icons-material/FlagOutlined';
import GavelOutlined from '@mui/icons-material/GavelOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import { Box, Card, CircularProgress, Stack, TableCell, TableRow, Typography } from '@mui/material';
import type { CaseMetadata } from '@vigie/contracts';
import { type ReactNode, useCallback } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useParams } from 'react-router';
import { AtCell } from '../components/AtCell';
import { CaseStatusChip, CategoryChips } from '../components/CaseChips';
import { Fact } from '../components/Fact';
import { LoadFailedAlert } from '../components/LoadFailedAlert';
import { PageHeader } from '../components/PageHeader';
import { PagedTable } from '../components/PagedTable';
import { SectionCard } from '../components/SectionCard';
import { MONOSPACE, shortId } from '../common/format';
import { useApiData } from '../common/useApiData';
import { caseMetadataApi } from './caseMetadataApi';
import { RestrictedBanner } from './RestrictedBanner';
import { KNOWN_EVENT_TYPES } from './timelineEvents';

const Mono = ({ children }: { children: ReactNode }) => (
  <Typography component="span" variant="body2" sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem' }}>
    {children}
  </Typography>
);

const Table = ({ label, columns, children }: { label: string; columns: string[]; children: ReactNode }) => {
  const translate = useTranslate();
  const field = (key: string) => translate(`vigie.cases.metadata.fields.${key}`);
  return (
    <PagedTable label={label} columns={columns.map((key) => ({ key, label: field(key) }))}>
      {children}
    </PagedTable>
  );
};

/** The case itself: where it stands and when things happened. */
const CaseFacts = ({ metadata }: { metadata: CaseMetadata }) => {
  const translate = useTranslate();
  const field = (key: string) => translate(`vigie.cases.metadata.fields.${key}`);
  const none = translate('vigie.cases.metadata.none');
  return (
    <SectionCard title={translate('vigie.cases.metadata.sections.case')} icon={InfoOutlined} testId="metadata-case">
      <Box
        component="dl"
        sx={{ m: 0, display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' }}
      >
        <Fact term label={field('status')}>
          <CaseStatusChip status={metadata.status} />
        </Fact>
        <Fact term label={field('categories')}>
          <CategoryChips categories={metadata.categories} />
        </Fact>
        <Fact term label={field('created_at')}>
          <AtCell at={metadata.createdAt} />
        </Fact>
        <Fact term label={field('last_activity')}>
          <AtCell at={metadata.lastActivityAt} />
        </Fact>
        <Fact term label={field('closed_at')}>
          {metadata.closedAt ? <AtCell at={metadata.closedAt} /> : <Typography variant="body2">{none}</Typography>}
        </Fact>
        <Fact term label={field('close_reason')}>
          <Typography variant="body2">
            {metadata.closeReason
              ? translate(`vigie.cases.metadata.close_reasons.${metadata.closeReason}`, { _: metadata.closeReason })
              : none}
          </Typography>
        </Fact>
        <Fact term label={field('legal_hold')}>
          <Typography variant="body2">
            {translate(metadata.legalHold ? 'vigie.cases.metadata.yes' : 'vigie.cases.metadata.no')}
          </Typography>
        </Fact>
        <Fact term label={field('data_purged_at')}>
          {metadata.dataPurgedAt ? (
            <AtCell at={metadata.dataPurgedAt} />
          ) : (
            <Typography variant="body2">{none}</Typography>
          )}
        </Fact>
        <Fact term label={field('conversation')}>
          <Mono>{metadata.conversationExternalId}</Mono>
        </Fact>
        <Fact term label={field('messages')}>
          <Typography variant="body2">{metadata.messageCount}</Typography>
        </Fact>
      </Box>
    </SectionCard>
  );
};

const Reports = ({ metadata }: { metadata: CaseMetadata }) => {
  const translate = useTranslate();
  const title = translate('vigie.cases.metadata.sections.reports');
  return (
    <SectionCard title={title} icon={FlagOutlined} count={metadata.reports.length} testId="metadata-reports">
      <Table label={title} columns={['category', 'reported_at', 'received_at', 'reporter', 'reported']}>
        {metadata.reports.map((report) => (
          <TableRow key={report.id}>
            <TableCell>{translate(`vigie.cases.categories.${report.category}`)}</TableCell>
            <TableCell>
              <AtCell at={report.reportedAt} />
            </TableCell>
            <TableCell>
              <AtCell at={report.receivedAt} />
            </TableCell>
            <TableCell>
              <Mono>{report.reporterExternalId}</Mono>
            </TableCell>
            <TableCell>
              <Mono>{report.reportedExternalId}</Mono>
            </TableCell>
          </TableRow>
        ))}
      </Table>
    </SectionCard>
  );
};

const Participants = ({ metadata }: { metadata: CaseMetadata }) => {
  const translate = useTranslate();
  const title = translate('vigie.cases.metadata.sections.participants');
  return (
    <SectionCard title={title} icon={GroupOutlined} count={metadata.participants.length} testId="metadata-participants">
      <Table label={title} columns={['platform_id', 'name']}>
        {metadata.participants.map((participant) => (
          <TableRow key={participant.externalId}>
            <TableCell>
              <Mono>{participant.externalId}</Mono>
            </TableCell>
            <TableCell>{participant.displayName ?? translate('vigie.cases.unknown_user')}</TableCell>
          </TableRow>
        ))}
      </Table>
    </SectionCard>
  );
};

const Decisions = ({ metadata }: { metadata: CaseMetadata }) => {
  const translate = useTranslate();
  const title = translate('vigie.cases.metadata.sections.decisions');
  return (
    <SectionCard title={title} icon={GavelOutlined} count={metadata.decisions.length} testId="metadata-decisions">
      {metadata.decisions.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
          {translate('vigie.cases.metadata.no_decision')}
        </Typography>
      ) : (
        <Table label={title} columns={['action', 'clause', 'state', 'decided_at', 'decided_by']}>
          {metadata.decisions.map((decision) => (
            <TableRow key={decision.id}>
              <TableCell>
                {translate(`vigie.decisions.actions.${decision.action}`, { _: decision.action })}
                {decision.durationDays !== null && ` · ${translate('vigie.cases.metadata.days', { smart_count: decision.durationDays })}`}
              </TableCell>
              <TableCell>
                <Mono>{decision.policyClause}</Mono>
              </TableCell>
              <TableCell>{translate(`vigie.decisions.states.${decision.state}`, { _: decision.state })}</TableCell>
              <TableCell>
                <AtCell at={decision.decidedAt} />
              </TableCell>
              <TableCell>{decision.decidedBy.name}</TableCell>
            </TableRow>
          ))}
        </Table>
      )}
    </SectionCard>
  );
};

const Timeline = ({ metadata }: { metadata: CaseMetadata }) => {
  const translate = useTranslate();
  const title = translate('vigie.cases.metadata.sections.timeline');
  const typeLabel = (type: string) =>
    (KNOWN_EVENT_TYPES as readonly string[]).includes(type)
      ? translate(`vigie.cases.metadata.event_types.${type}`, { _: type })
      : translate('vigie.cases.timeline.other', { type });
  return (
    <SectionCard title={title} icon={HistoryOutlined} count={metadata.timeline.length} testId="metadata-timeline">
      <Table label={title} columns={['at', 'event', 'actor']}>
        {metadata.timeline.map((event, index) => (
          <TableRow key={`${event.at}-${index}`} data-event-type={event.type}>
            <TableCell>
              <AtCell at={event.at} />
            </TableCell>
            <TableCell>{typeLabel(event.type)}</TableCell>
            <TableCell>{event.actor?.name ?? translate('vigie.cases.timeline.by_platform')}</TableCell>
          </TableRow>
        ))}
      </Table>
    </SectionCard>
  );
};

/**
 * The DPO's page of a case: what happened to it and when, by whom among staff, and which
 * platform users it concerns — never what was reported, written or decided in words. Each visit
 * is written to the staff journal by the API.
 */
export const CaseMetadataPage = () => {
  const translate = useTranslate();
  const { id = '' } = useParams();
  const load = useCallback(() => caseMetadataApi.get(id), [id]);
  const answer = useApiData(load);
  const metadata = answer.data;
  return (
    <Box sx={{ maxWidth: 1440, minWidth: 0, width: '100%' }}>
      <Title title="vigie.cases.metadata.title" />
      <PageHeader
        title={`${translate('vigie.cases.metadata.title')} ${shortId(id)}`}
        intro={translate('vigie.cases.metadata.intro')}
        noContent={translate('vigie.cases.metadata.no_content')}
      />
      {answer.error !== null && !metadata && (
        <Card sx={{ p: 2 }}>
          <LoadFailedAlert error={answer.error} messageKey="vigie.cases.metadata.load_failed" />
        </Card>
      )}
      {answer.isPending && !metadata && <CircularProgress size={24} aria-label={translate('ra.page.loading')} />}
      {metadata && (
        <Stack spacing={2} data-testid="case-metadata" data-case-id={metadata.id}>
          {metadata.restricted && <RestrictedBanner />}
          <CaseFacts metadata={metadata} />
          <Reports metadata={metadata} />
          <Decisions metadata={metadata} />
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Box sx={{ flex: 1, minWidth: 0, width: '100%' }}>
              <Timeline metadata={metadata} />
            </Box>
            <Box sx={{ flex: 1, minWidth: 0, width: '100%' }}>
              <Participants metadata={metadata} />
            </Box>
          </Stack>
        </Stack>
      )}
    </Box>
  );
};
