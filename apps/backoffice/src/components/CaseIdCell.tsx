import { Link as MuiLink, Tooltip, Typography } from '@mui/material';
import type { StaffRole } from '@vigie/contracts';
import { Link, usePermissions, useTranslate } from 'react-admin';
import { casePathFor } from '../common/casePaths';
import { MONOSPACE, shortId } from '../common/format';

/**
 * A case by its id's first block, the whole id on hover. It links to the case page for
 * moderators and leads, to the case's metadata for the DPO, and nowhere for admins.
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
  const to = casePathFor(permissions ?? [], caseId);
  const opens = to?.startsWith('/cases/') ? 'vigie.retention.case_link.open' : 'vigie.cases.metadata.open';
  return (
    <Tooltip title={caseId} placement="top-start">
      {to ? (
        <MuiLink
          component={Link}
          to={to}
          aria-label={`${translate(opens)} ${caseId}`}
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
