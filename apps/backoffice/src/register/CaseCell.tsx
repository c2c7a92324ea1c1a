import { Link as MuiLink, Stack, Tooltip, Typography } from '@mui/material';
import type { StaffRole } from '@vigie/contracts';
import type { MouseEvent } from 'react';
import { Link, usePermissions, useTranslate } from 'react-admin';
import { casePathFor } from '../common/casePaths';
import { MONOSPACE, shortId } from '../common/format';
import { FilterButton } from './FilterButton';

/**
 * The case an entry concerns. It links to the case page for someone who may open it, to the
 * case's metadata for the DPO; the filter button beside it narrows the register to the case.
 */
export const CaseCell = ({ caseId }: { caseId: string | null }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<StaffRole[]>();
  if (!caseId) {
    return (
      <Typography component="span" variant="body2" color="text.disabled">
        {translate('vigie.register.case.none')}
      </Typography>
    );
  }
  const label = (
    <Typography component="span" variant="body2" sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem' }}>
      {shortId(caseId)}
    </Typography>
  );
  const to = casePathFor(permissions ?? [], caseId);
  const opens = to?.startsWith('/cases/') ? 'vigie.register.case.open' : 'vigie.cases.metadata.open';
  return (
    <Stack direction="row" spacing={0.25} sx={{ alignItems: 'center' }}>
      <Tooltip title={caseId} placement="top-start">
        {to ? (
          <MuiLink
            component={Link}
            to={to}
            aria-label={`${translate(opens)} ${caseId}`}
            onClick={(event: MouseEvent) => event.stopPropagation()}
            underline="hover"
          >
            {label}
          </MuiLink>
        ) : (
          label
        )}
      </Tooltip>
      <FilterButton source="caseId" value={caseId} label={translate('vigie.register.case.filter')} />
    </Stack>
  );
};
