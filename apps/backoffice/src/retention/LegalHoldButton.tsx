import GavelOutlined from '@mui/icons-material/GavelOutlined';
import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import { Button } from '@mui/material';
import type { CaseDetail, CaseListItem, StaffRole } from '@vigie/contracts';
import { useState } from 'react';
import { usePermissions, useRefresh, useTranslate } from 'react-admin';
import { canAccess } from '../permissions';
import { LegalHoldDialog } from './LegalHoldDialog';

/**
 * "Placer un gel juridique" / "Lever le gel juridique", for leads and the DPO: the reason asked
 * in the dialog goes to the case's history. Nobody else sees the control.
 */
export const LegalHoldButton = ({ record }: { record: CaseListItem | CaseDetail }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { permissions } = usePermissions<StaffRole[]>();
  const [open, setOpen] = useState(false);
  if (!canAccess(permissions ?? [], 'legal_hold.manage')) return null;
  // Once retention erased the case there is nothing left to keep: a hold could only be lifted.
  const purged = 'dataPurgedAt' in record && record.dataPurgedAt !== null;
  if (!record.legalHold && purged) return null;
  const change = record.legalHold ? 'lift' : 'place';
  return (
    <>
      <Button
        variant="outlined"
        color={change === 'place' ? 'primary' : 'inherit'}
        startIcon={change === 'place' ? <GavelOutlined /> : <LockOpenOutlined />}
        onClick={() => setOpen(true)}
        data-testid="legal-hold-button"
        data-change={change}
      >
        {translate(change === 'place' ? 'vigie.retention.hold.place' : 'vigie.retention.hold.lift_long')}
      </Button>
      {open && (
        <LegalHoldDialog
          change={change}
          caseId={String(record.id)}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            // The header's chip, the timeline's new event: the case as it is now.
            refresh();
          }}
        />
      )}
    </>
  );
};
