import FilterAltOutlined from '@mui/icons-material/FilterAltOutlined';
import { IconButton, Link as MuiLink, Stack, Tooltip, Typography } from '@mui/material';
import type { StaffRole } from '@vigie/contracts';
import type { MouseEvent } from 'react';
import { Link, useListContext, usePermissions, useTranslate } from 'react-admin';
import { canAccess } from '../permissions';
import { MONOSPACE, shortId } from '../common/format';

/**
 * The case an entry concerns. It links to the case page only for someone who may open it
 * (a DPO who is also a lead): for the DPO alone that page is refused, so the case id narrows
 * the register instead.
 */
export const CaseCell = ({ caseId }: { caseId: string | null }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<StaffRole[]>();
  const { filterValues, setFilters } = useListContext();
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
  const filtered = filterValues.caseId === caseId;
  return (
    <Stack direction="row" spacing={0.25} sx={{ alignItems: 'center' }}>
      <Tooltip title={caseId} placement="top-start">
        {canAccess(permissions ?? [], 'queue.view') ? (
          <MuiLink
            component={Link}
            to={`/cases/${encodeURIComponent(caseId)}/show`}
            aria-label={`${translate('vigie.register.case.open')} ${caseId}`}
            onClick={(event: MouseEvent) => event.stopPropagation()}
            underline="hover"
          >
            {label}
          </MuiLink>
        ) : (
          label
        )}
      </Tooltip>
      {!filtered && (
        <Tooltip title={translate('vigie.register.case.filter')}>
          <IconButton
            size="small"
            aria-label={translate('vigie.register.case.filter')}
            onClick={(event) => {
              event.stopPropagation();
              setFilters({ ...filterValues, caseId });
            }}
            // Quiet until the row is pointed at or the button focused: one per row would be noise.
            sx={{
              color: 'text.secondary',
              opacity: 0.35,
              'tr:hover &, &:focus-visible': { opacity: 1 },
            }}
          >
            <FilterAltOutlined sx={{ fontSize: 16 }} />
          </IconButton>
        </Tooltip>
      )}
    </Stack>
  );
};
