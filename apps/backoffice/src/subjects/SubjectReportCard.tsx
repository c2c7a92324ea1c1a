import AssignmentIndOutlined from '@mui/icons-material/AssignmentIndOutlined';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import {
  Box,
  Button,
  Card,
  Chip,
  FormControlLabel,
  LinearProgress,
  Link as MuiLink,
  Stack,
  Switch,
  TableCell,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { DocumentLanguage, SubjectAccess, SubjectReport } from '@vigie/contracts';
import { useCallback, useState } from 'react';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { caseMetadataPath } from '../common/casePaths';
import { MONOSPACE, shortId } from '../common/format';
import { useApiData } from '../common/useApiData';
import { CardHeading } from '../components/CardHeading';
import { LoadFailedAlert } from '../components/LoadFailedAlert';
import { PagedTable } from '../components/PagedTable';
import { formatDate, formatDateTime } from '../i18n/relativeTime';
import { subjectsApi, type SubjectsApi } from './subjectsApi';

/** Long cells wrap, so the table fits the card at 1280 px: the register's tables keep one line per cell. */
const WRAP = { whiteSpace: 'normal !important', minWidth: 150 } as const;

const OUTCOME_COLOURS = { granted: 'info', read: 'success', denied: 'warning' } as const;

/** A date and time that fits a table cell: `5 déc. 2026, 11:44`. */
const shortDateTime = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** A register code as a message key: `moderation.report-review` → `moderation_report_review`. */
const codeKey = (code: string) => code.toLowerCase().replace(/[^a-z0-9]+/g, '_');

const CaseLink = ({ caseId }: { caseId: string | null }) => {
  const translate = useTranslate();
  if (!caseId) return <>—</>;
  return (
    <MuiLink
      component={Link}
      to={caseMetadataPath(caseId)}
      underline="hover"
      aria-label={`${translate('vigie.cases.metadata.open')} ${caseId}`}
      sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem' }}
    >
      {shortId(caseId)}
    </MuiLink>
  );
};

/** Where the person's documents are downloaded: the PDF for them, the CSV rows, names of staff or not. */
const DownloadBar = ({ report, api }: { report: SubjectReport; api: SubjectsApi }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [lang, setLang] = useState<DocumentLanguage>(locale === 'en' ? 'en' : 'fr');
  const [includeStaff, setIncludeStaff] = useState(false);
  const externalId = report.subject.externalId;
  return (
    <Box sx={{ mt: 2, p: 2, borderRadius: 2, bgcolor: 'action.hover' }} data-testid="subject-downloads">
      <Typography variant="subtitle2">{translate('vigie.subjects.download.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25, maxWidth: 860 }}>
        {translate('vigie.subjects.download.explanation')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1.5, alignItems: { md: 'center' } }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={lang}
          onChange={(_event, value: DocumentLanguage | null) => value && setLang(value)}
          aria-label={translate('vigie.subjects.download.language')}
        >
          <ToggleButton value="fr" lang="fr">Français</ToggleButton>
          <ToggleButton value="en" lang="en">English</ToggleButton>
        </ToggleButtonGroup>
        <FormControlLabel
          control={<Switch checked={includeStaff} onChange={(event) => setIncludeStaff(event.target.checked)} />}
          label={translate('vigie.subjects.download.include_staff')}
        />
        <Button
          variant="contained"
          startIcon={<PictureAsPdfOutlined />}
          href={api.documentUrl(externalId, 'pdf', { lang, includeStaff })}
          download
          data-testid="subject-download-pdf"
        >
          {translate('vigie.subjects.download.pdf')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<DownloadOutlined />}
          href={api.documentUrl(externalId, 'csv', { lang, includeStaff })}
          download
          data-testid="subject-download-csv"
        >
          {translate('vigie.subjects.download.csv')}
        </Button>
      </Stack>
    </Box>
  );
};

const ScopeText = ({ access }: { access: SubjectAccess }) => {
  const translate = useTranslate();
  const { scope } = access;
  if (!scope || access.outcome === 'denied') return <>—</>;
  const extent = translate(`vigie.subjects.scope.${scope.kind}`, { smart_count: scope.messageCount });
  return (
    <>
      {extent}
      {scope.ownMessageCount !== null && `, ${translate('vigie.subjects.scope.own', { smart_count: scope.ownMessageCount })}`}
    </>
  );
};

/** One person's report as the DPO reads it: their cases, every access to their conversations, the documents to hand over. */
export const SubjectReportCard = ({ externalId, api = subjectsApi }: { externalId: string; api?: SubjectsApi }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const load = useCallback(() => api.report(externalId), [api, externalId]);
  const { data: report, error, isPending } = useApiData(load);
  const current = report?.subject.externalId === externalId ? report : null;
  const name = current ? (current.subject.displayName ?? current.subject.externalId) : externalId;
  const roleChips = (roles: readonly string[]) =>
    roles.map((role) => <Chip key={role} size="small" variant="outlined" label={translate(`vigie.subjects.roles.${role}`)} sx={{ mr: 0.5 }} />);

  return (
    <Card component="section" aria-labelledby="subject-report-title" data-testid="subject-report">
      <Box sx={{ p: 2.5 }}>
        <CardHeading
          id="subject-report-title"
          icon={AssignmentIndOutlined}
          title={translate('vigie.subjects.report.title', { name })}
          explanation={
            current
              ? `${current.subject.externalId} · ${translate('vigie.subjects.report.generated_at', { date: formatDateTime(new Date(current.generatedAt), locale) })}`
              : undefined
          }
        />
        {isPending && !current && <LinearProgress sx={{ mt: 2, borderRadius: 2 }} />}
        {error !== null && <LoadFailedAlert error={error} messageKey="vigie.subjects.load_failed" />}
        {current && (
          <>
            <DownloadBar report={current} api={api} />

            <Typography component="h3" variant="subtitle2" sx={{ mt: 3, mb: 1, fontWeight: 700 }}>
              {translate('vigie.subjects.report.cases_title')}
            </Typography>
            {current.cases.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('vigie.subjects.report.no_cases')}
              </Typography>
            ) : (
              <PagedTable
                label={translate('vigie.subjects.report.cases_title')}
                columns={[
                  { key: 'case', label: translate('vigie.subjects.fields.case') },
                  { key: 'roles', label: translate('vigie.subjects.fields.roles') },
                  { key: 'opened', label: translate('vigie.subjects.fields.opened_at') },
                  { key: 'status', label: translate('vigie.subjects.fields.status') },
                  { key: 'categories', label: translate('vigie.subjects.fields.categories') },
                  { key: 'others', label: translate('vigie.subjects.fields.others'), sx: { textAlign: 'right' } },
                  { key: 'purged', label: translate('vigie.subjects.fields.purged') },
                ]}
              >
                {current.cases.map((c) => (
                  <TableRow key={c.caseId} data-testid={`subject-case-${c.caseId}`}>
                    <TableCell>
                      <CaseLink caseId={c.caseId} />
                    </TableCell>
                    <TableCell>{roleChips(c.roles)}</TableCell>
                    <TableCell>{formatDate(new Date(c.openedAt), locale)}</TableCell>
                    <TableCell>{translate(`vigie.cases.statuses.${c.status}`, { _: c.status })}</TableCell>
                    <TableCell>{c.categories.map((k) => translate(`vigie.cases.categories.${k}`, { _: k })).join(', ')}</TableCell>
                    <TableCell sx={{ textAlign: 'right' }}>{c.otherParticipants}</TableCell>
                    <TableCell>{c.dataPurgedAt ? formatDate(new Date(c.dataPurgedAt), locale) : '—'}</TableCell>
                  </TableRow>
                ))}
              </PagedTable>
            )}

            <Typography component="h3" variant="subtitle2" sx={{ mt: 3, fontWeight: 700 }}>
              {translate('vigie.subjects.report.accesses_title')} ·{' '}
              {translate('vigie.subjects.report.total_accesses', { smart_count: current.accesses.length })}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('vigie.subjects.report.accesses_explanation')}
            </Typography>
            {current.accesses.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('vigie.subjects.report.no_accesses')}
              </Typography>
            ) : (
              <PagedTable
                label={translate('vigie.subjects.report.accesses_title')}
                columns={[
                  { key: 'at', label: translate('vigie.subjects.fields.at') },
                  { key: 'outcome', label: translate('vigie.subjects.fields.outcome') },
                  { key: 'case', label: translate('vigie.subjects.fields.case') },
                  { key: 'scope', label: translate('vigie.subjects.fields.scope') },
                  { key: 'purpose', label: translate('vigie.subjects.fields.purpose') },
                  { key: 'staff', label: translate('vigie.subjects.fields.staff') },
                ]}
              >
                {current.accesses.map((a) => (
                  <TableRow key={a.sequence} data-testid={`subject-access-${a.sequence}`}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {shortDateTime(a.at, locale)}
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {translate('vigie.subjects.fields.sequence', { sequence: a.sequence })}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <Chip size="small" color={OUTCOME_COLOURS[a.outcome]} label={translate(`vigie.subjects.outcomes.${a.outcome}`)} />
                    </TableCell>
                    <TableCell>
                      <CaseLink caseId={a.caseId} />
                    </TableCell>
                    <TableCell sx={WRAP}>
                      <ScopeText access={a} />
                    </TableCell>
                    <TableCell sx={WRAP}>
                      {translate(`vigie.subjects.purposes.${codeKey(a.purpose)}`, { _: a.purpose })}
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {translate(`vigie.subjects.legal_bases.${codeKey(a.legalBasis)}`, { _: a.legalBasis })}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      {a.staffName ?? '—'}
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {translate(`vigie.roles.${a.staffRole}`, { _: a.staffRole })}
                      </Typography>
                    </TableCell>
                  </TableRow>
                ))}
              </PagedTable>
            )}
          </>
        )}
      </Box>
    </Card>
  );
};
