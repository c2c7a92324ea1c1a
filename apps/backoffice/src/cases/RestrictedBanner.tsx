import { Alert, AlertTitle, type SxProps } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A person concerned asked for their data's processing to be restricted (GDPR Art. 18): said on every page of the case. */
export const RestrictedBanner = ({ sx }: { sx?: SxProps }) => {
  const translate = useTranslate();
  return (
    <Alert severity="warning" sx={sx} data-testid="case-restricted">
      <AlertTitle>{translate('vigie.subjects.rights.case_banner_title')}</AlertTitle>
      {translate('vigie.subjects.rights.case_banner')}
    </Alert>
  );
};
