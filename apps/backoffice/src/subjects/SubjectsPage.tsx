import { Box } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { PageHeader } from '../components/PageHeader';
import { SubjectReportCard } from './SubjectReportCard';
import { SubjectRightsCard } from './SubjectRightsCard';
import { SubjectSearchCard } from './SubjectSearchCard';

/**
 * The DPO's "Personnes" screen: find the person who asked (GDPR Art. 15), read every access to
 * the conversations that concern them, download the document to hand them.
 */
export const SubjectsPage = () => {
  const translate = useTranslate();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Box sx={{ maxWidth: 1440, minWidth: 0, width: '100%' }}>
      <Title title="vigie.subjects.title" />
      <PageHeader
        title={translate('vigie.subjects.title')}
        intro={translate('vigie.subjects.intro')}
        noContent={translate('vigie.subjects.no_content')}
      />
      <SubjectSearchCard selected={selected} onSelect={setSelected} />
      {selected && <SubjectReportCard key={selected} externalId={selected} />}
      {selected && <SubjectRightsCard key={`rights-${selected}`} externalId={selected} onErased={() => setSelected(null)} />}
    </Box>
  );
};
