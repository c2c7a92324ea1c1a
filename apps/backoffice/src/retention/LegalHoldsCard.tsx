import GavelOutlined from '@mui/icons-material/GavelOutlined';
import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import { Button, TableCell, TableRow, Typography } from '@mui/material';
import type { StaffRole } from '@vigie/contracts';
import { useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import { canAccess } from '../permissions';
import { CategoryChips } from '../components/CaseChips';
import { AtCell } from '../components/AtCell';
import { CaseIdCell } from '../components/CaseIdCell';
import { DateCell } from './DateCell';
import { LegalHoldDialog } from './LegalHoldDialog';
import { ListCard } from '../components/ListCard';
import { PagedTable } from '../components/PagedTable';
import { retentionApi } from './retentionApi';
import { useApiData } from '../common/useApiData';

const loadHolds = () => retentionApi.legalHolds();

interface LegalHoldsCardProps {
  version: number;
  onHoldChanged: () => void;
}

/** The cases kept past their retention period, why, and by whom. */
export const LegalHoldsCard = ({ version, onHoldChanged }: LegalHoldsCardProps) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<StaffRole[]>();
  const answer = useApiData(loadHolds, version);
  const [liftCaseId, setLiftCaseId] = useState<string | null>(null);
  const canManage = canAccess(permissions ?? [], 'legal_hold.manage');
  // Admins see which cases are held and by whom, not why.
  const seesReasons = canAccess(permissions ?? [], 'legal_hold.reason');
  const title = translate('vigie.retention.holds.title');
  const field = (name: string) => translate(`vigie.retention.holds.fields.${name}`);

  const columns = ['case', 'categories']
    .concat(seesReasons ? ['reason'] : [], ['placed_by', 'placed_at', 'last_activity'], canManage ? ['actions'] : [])
    .map((key) => ({ key, label: field(key) }));

  return (
    <ListCard
      id="retention-holds-title"
      icon={GavelOutlined}
      title={title}
      explanation={translate('vigie.retention.holds.explanation')}
      answer={answer}
      messages="vigie.retention.holds"
      totalTestId="holds-total"
      table={(rows) => (
        <PagedTable label={title} columns={columns}>
          {rows.data.map((hold) => (
            <TableRow key={hold.caseId} hover data-testid={`hold-${hold.caseId}`}>
              <TableCell>
                <CaseIdCell caseId={hold.caseId} />
              </TableCell>
              <TableCell>
                <CategoryChips categories={hold.categories} max={2} />
              </TableCell>
              {/* The reason is what an auditor reads: it wraps rather than being cut. */}
              {seesReasons && (
                <TableCell sx={{ whiteSpace: 'normal !important', minWidth: 240, maxWidth: 420 }}>
                  <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                    {hold.reason}
                  </Typography>
                </TableCell>
              )}
              <TableCell>
                <Typography
                  variant="body2"
                  sx={{ fontWeight: 600 }}
                  color={hold.placedBy ? 'text.primary' : 'text.secondary'}
                >
                  {hold.placedBy?.name ?? translate('vigie.retention.holds.unknown_author')}
                </Typography>
              </TableCell>
              <TableCell>
                <AtCell at={hold.placedAt} />
              </TableCell>
              <TableCell>
                <DateCell value={hold.lastActivityAt} />
              </TableCell>
              {canManage && (
                <TableCell>
                  <Button
                    size="small"
                    color="inherit"
                    startIcon={<LockOpenOutlined />}
                    onClick={() => setLiftCaseId(hold.caseId)}
                  >
                    {translate('vigie.retention.hold.lift')}
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </PagedTable>
      )}
    >
      {liftCaseId && (
        <LegalHoldDialog
          change="lift"
          caseId={liftCaseId}
          onClose={() => setLiftCaseId(null)}
          onDone={() => {
            setLiftCaseId(null);
            onHoldChanged();
          }}
        />
      )}
    </ListCard>
  );
};
