import GavelOutlined from '@mui/icons-material/GavelOutlined';
import { Box, Card, LinearProgress } from '@mui/material';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { useApiData } from '../common/useApiData';
import { CardHeading } from '../components/CardHeading';
import { LoadFailedAlert } from '../components/LoadFailedAlert';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../i18n/relativeTime';
import { liaApi, type LiaApi } from './liaApi';
import { LiaText } from './LiaText';

/** One version of the assessment (the one in force without a version in the address), read-only, for every member of staff. */
export const LiaDocumentPage = ({ api = liaApi }: { api?: LiaApi }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { version } = useParams();
  const wanted = Number(version);
  const load = useCallback(() => (Number.isInteger(wanted) && wanted > 0 ? api.version(wanted) : api.current()), [api, wanted]);
  const { data, error, isPending } = useApiData(load);
  return (
    <Box sx={{ maxWidth: 900, minWidth: 0, width: '100%' }}>
      <Title title="vigie.lia.title" />
      <PageHeader title={translate('vigie.lia.title')} intro={translate('vigie.lia.read_intro')} />
      {isPending && !data && <LinearProgress sx={{ borderRadius: 2 }} />}
      {error !== null && <LoadFailedAlert error={error} messageKey="vigie.lia.load_failed" />}
      {data && (
        <Card component="article" aria-labelledby="lia-document-title" data-testid="lia-document" data-version={data.version}>
          <Box sx={{ p: 2.5 }}>
            <CardHeading
              id="lia-document-title"
              icon={GavelOutlined}
              title={translate('vigie.lia.version_label', { version: data.version })}
              explanation={`${translate('vigie.lia.in_force_since', { date: formatDateTime(new Date(data.effectiveFrom), locale) })} · SHA-256 ${data.digest.slice(0, 16)}…`}
            />
            <Box sx={{ mt: 2 }}>
              <LiaText text={data.text} />
            </Box>
          </Box>
        </Card>
      )}
    </Box>
  );
};
