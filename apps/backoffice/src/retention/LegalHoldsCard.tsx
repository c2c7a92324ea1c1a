import GavelOutlined from '@mui/icons-material/GavelOutlined';
import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import {
  Box,
  Button,
  Card,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { StaffRole } from '@vigie/contracts';
import { useState } from 'react';
import { useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { canAccess } from '../permissions';
import { CategoryChips } from '../components/CaseChips';
import { AtCell } from '../components/AtCell';
import { formatCount } from '../common/format';
import { CardHeading } from '../components/CardHeading';
import { CaseIdCell } from '../components/CaseIdCell';
import { DateCell } from './DateCell';
import { LegalHoldDialog } from './LegalHoldDialog';
import { LoadFailedAlert } from '../components/LoadFailedAlert';
import { retentionApi } from './retentionApi';
import { compactTableSx } from '../components/tableStyle';
import { useApiData } from '../common/useApiData';

const loadHolds = () => retentionApi.legalHolds();

interface LegalHoldsCardProps {
  version: number;
  onHoldChanged: () => void;
}

/** The cases kept past their retention period, why, and by whom. */
export const LegalHoldsCard = ({ version, onHoldChanged }: LegalHoldsCardProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions<StaffRole[]>();
  const { data: holds, error, isPending } = useApiData(loadHolds, version);
  const [liftCaseId, setLiftCaseId] = useState<string | null>(null);
  const canManage = canAccess(permissions ?? [], 'legal_hold.manage');
  const title = translate('vigie.retention.holds.title');
  const field = (name: string) => translate(`vigie.retention.holds.fields.${name}`);

  return (
    <Card component="section" aria-labelledby="retention-holds-title" sx={{ overflow: 'hidden' }}>
      <Box sx={{ p: 2.5, pb: holds && holds.data.length > 0 ? 1.5 : 2.5 }}>
        <CardHeading
          id="retention-holds-title"
          icon={GavelOutlined}
          title={title}
          explanation={translate('vigie.retention.holds.explanation')}
          action={
            holds && (
              <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="holds-total">
                {translate('vigie.retention.holds.total', {
                  smart_count: holds.total,
                  count: formatCount(holds.total, locale),
                })}
              </Typography>
            )
          }
        />
        {error !== null && <LoadFailedAlert error={error} />}
        {isPending && <LinearProgress sx={{ mt: 2, borderRadius: 2 }} aria-hidden />}
        {holds && error === null && holds.data.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            {translate('vigie.retention.holds.none')}
          </Typography>
        )}
      </Box>
      {holds && error === null && holds.data.length > 0 && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" sx={compactTableSx} aria-label={title}>
            <TableHead>
              <TableRow>
                <TableCell>{field('case')}</TableCell>
                <TableCell>{field('categories')}</TableCell>
                <TableCell>{field('reason')}</TableCell>
                <TableCell>{field('placed_by')}</TableCell>
                <TableCell>{field('placed_at')}</TableCell>
                <TableCell>{field('last_activity')}</TableCell>
                {canManage && <TableCell>{field('actions')}</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {holds.data.map((hold) => (
                <TableRow key={hold.caseId} hover data-testid={`hold-${hold.caseId}`}>
                  <TableCell>
                    <CaseIdCell caseId={hold.caseId} />
                  </TableCell>
                  <TableCell>
                    <CategoryChips categories={hold.categories} max={2} />
                  </TableCell>
                  {/* The reason is what an auditor reads: it wraps rather than being cut. */}
                  <TableCell sx={{ whiteSpace: 'normal !important', minWidth: 240, maxWidth: 420 }}>
                    <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                      {hold.reason}
                    </Typography>
                  </TableCell>
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
            </TableBody>
          </Table>
        </Box>
      )}
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
    </Card>
  );
};
