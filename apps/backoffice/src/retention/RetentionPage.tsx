import { Box, Stack } from '@mui/material';
import { useCallback, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { PageHeader } from '../components/PageHeader';
import { LegalHoldsCard } from './LegalHoldsCard';
import { PolicyCard } from './PolicyCard';
import { PreviewCard } from './PreviewCard';
import { retentionApi } from './retentionApi';
import { RunControlCard } from './RunControlCard';
import { RunsCard } from './RunsCard';
import { useApiData } from '../common/useApiData';

const loadPolicy = () => retentionApi.policy();

/**
 * The DPO's and admins' screen: the retention rule in force, what it will erase next, the runs
 * that applied it and the cases kept out of it by a legal hold. Pseudonymous throughout.
 */
export const RetentionPage = () => {
  const translate = useTranslate();
  // One counter for the whole page: a run or a hold changes the preview, the history and the holds.
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((value) => value + 1), []);
  const policy = useApiData(loadPolicy, version);
  return (
    // minWidth 0: a wide table scrolls inside its card instead of widening the page.
    <Box sx={{ maxWidth: 1440, minWidth: 0, width: '100%' }}>
      <Title title="vigie.retention.title" />
      <PageHeader
        title={translate('vigie.retention.title')}
        intro={translate('vigie.retention.intro')}
        noContent={translate('vigie.retention.no_content')}
      />
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <PolicyCard policy={policy.data} error={policy.error} />
        <RunControlCard policy={policy.data} onRunsChanged={refresh} />
      </Stack>
      <PreviewCard version={version} onHoldChanged={refresh} />
      <RunsCard version={version} />
      <LegalHoldsCard version={version} onHoldChanged={refresh} />
    </Box>
  );
};
