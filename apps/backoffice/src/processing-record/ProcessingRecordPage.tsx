import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import { Box, Button, Card, LinearProgress, Stack, Typography } from '@mui/material';
import type { DocumentLanguage } from '@vigie/contracts';
import { useCallback } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { useApiData } from '../common/useApiData';
import { CardHeading } from '../components/CardHeading';
import { LoadFailedAlert } from '../components/LoadFailedAlert';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../i18n/relativeTime';
import { processingRecordApi, type ProcessingRecordApi } from './processingRecordApi';

/**
 * The record of processing (GDPR Art. 30) as the API writes it from its configuration, in the
 * screen's language, with its PDF in either language. Nothing here is typed by hand.
 */
export const ProcessingRecordPage = ({ api = processingRecordApi }: { api?: ProcessingRecordApi }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang: DocumentLanguage = locale === 'en' ? 'en' : 'fr';
  const load = useCallback(() => api.record(lang), [api, lang]);
  const { data: record, error, isPending } = useApiData(load);
  return (
    <Box sx={{ maxWidth: 1100, minWidth: 0, width: '100%' }}>
      <Title title="vigie.processing_record.title" />
      <PageHeader title={translate('vigie.processing_record.title')} intro={translate('vigie.processing_record.intro')} />
      <Card component="section" aria-labelledby="processing-record-title">
        <Box sx={{ p: 2.5 }}>
          <CardHeading
            id="processing-record-title"
            icon={MenuBookOutlined}
            title={record?.controller.name ?? translate('vigie.processing_record.title')}
            explanation={
              record
                ? `${translate('vigie.processing_record.generated_at', { date: formatDateTime(new Date(record.generatedAt), locale) })} · ${translate('vigie.processing_record.in_language')}`
                : undefined
            }
            action={
              <Stack direction="row" spacing={1}>
                {(['fr', 'en'] as const).map((language) => (
                  <Button
                    key={language}
                    variant={language === lang ? 'contained' : 'outlined'}
                    startIcon={<PictureAsPdfOutlined />}
                    href={api.pdfUrl(language)}
                    download
                    data-testid={`processing-record-pdf-${language}`}
                  >
                    {translate(`vigie.processing_record.pdf_${language}`)}
                  </Button>
                ))}
              </Stack>
            }
          />
          {isPending && !record && <LinearProgress sx={{ mt: 2, borderRadius: 2 }} />}
          {error !== null && <LoadFailedAlert error={error} messageKey="vigie.processing_record.load_failed" />}
          {record &&
            record.sections.map((section) => (
              <Box key={section.id} component="section" aria-label={section.title} data-testid={`processing-record-${section.id}`} sx={{ mt: 2.5 }}>
                <Typography component="h3" variant="subtitle2" sx={{ fontWeight: 700 }}>
                  {section.title}
                </Typography>
                <Box component="ul" sx={{ mt: 0.5, mb: 0, pl: 2.5 }}>
                  {section.items.map((item) => (
                    <Typography key={item} component="li" variant="body2" sx={{ mt: 0.5 }}>
                      {item}
                    </Typography>
                  ))}
                </Box>
              </Box>
            ))}
        </Box>
      </Card>
    </Box>
  );
};
