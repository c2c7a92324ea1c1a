import GavelOutlined from '@mui/icons-material/GavelOutlined';
import HourglassTopOutlined from '@mui/icons-material/HourglassTopOutlined';
import { Button, Chip, Tooltip } from '@mui/material';
import type { CaseDetail, StaffRole } from '@vigie/contracts';
import { useState } from 'react';
import { useGetIdentity, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { DecisionDialog } from './DecisionDialog';
import { decideAccess } from './decisionRules';
import type { DecisionsApi } from './decisionsApi';

interface DecideButtonProps {
  record: CaseDetail;
  api?: DecisionsApi;
}

/**
 * "Décider", for the assignee or a lead while the case is in review; while a proposal waits for
 * a lead, a chip says so instead. Appeal cases are decided from their banner.
 */
export const DecideButton = ({ record, api }: DecideButtonProps) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<StaffRole[]>();
  const roles = permissions ?? [];
  const [open, setOpen] = useState(false);
  if (record.appealOfDecisionId) return null;
  const access = decideAccess(record, identity ? String(identity.id) : undefined, roles);
  return (
    <>
      {access === 'decide' && (
        <Button
          variant="contained"
          startIcon={<GavelOutlined />}
          onClick={() => setOpen(true)}
          data-testid="decide-case"
        >
          {translate('vigie.decisions.decide.button')}
        </Button>
      )}
      {access === 'pending' && (
        <Tooltip title={translate('vigie.decisions.decide.pending_hint')}>
          <Chip
            color="warning"
            icon={<HourglassTopOutlined />}
            label={translate('vigie.decisions.decide.pending')}
            tabIndex={0}
            data-testid="decision-pending-chip"
            sx={{ fontWeight: 600, height: 36 }}
          />
        </Tooltip>
      )}
      {/* Kept open whatever the case becomes meanwhile: a reload after a conflict keeps the typing. */}
      {open && (
        <DecisionDialog
          record={record}
          roles={roles}
          staffId={identity ? String(identity.id) : undefined}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            refresh();
          }}
          api={api}
        />
      )}
    </>
  );
};
