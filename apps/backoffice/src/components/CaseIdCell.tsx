import { Link as MuiLink, Tooltip, Typography } from '@mui/material';
import type { StaffRole } from '@vigie/contracts';
import { Link, usePermissions, useTranslate } from 'react-admin';
import { canAccess } from '../permissions';
import { MONOSPACE, shortId } from '../common/format';

/**
 * A case by its id's first block, the whole id on hover. It links to the case page only for
 * someone who may open it (a DPO who is also a lead): for the DPO alone that page is refused.
 */
export const CaseIdCell = ({ caseId }: { caseId: string }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<StaffRole[]>();
  const label = (
    <Typography
      component="span"
      variant="body2"
      data-case-id={caseId}
      sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem' }}
    >
      {shortId(caseId)}
    </Typography>
  );
  return (
    <Tooltip title={caseId} placement="top-start">
      {canAccess(permissions ?? [], 'queue.view') ? (
        <MuiLink
          component={Link}
          to={`/cases/${encodeURIComponent(caseId)}/show`}
          aria-label={`${translate('vigie.retention.case_link.open')} ${caseId}`}
          underline="hover"
        >
          {label}
        </MuiLink>
      ) : (
        label
      )}
    </Tooltip>
  );
};
