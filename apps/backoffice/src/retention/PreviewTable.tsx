import GavelOutlined from '@mui/icons-material/GavelOutlined';
import { Button, TableCell, TableRow, Typography } from '@mui/material';
import type { RetentionPreviewCase } from '@vigie/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { CaseStatusChip, CategoryChips } from '../components/CaseChips';
import { formatCount } from '../common/format';
import { CaseIdCell } from '../components/CaseIdCell';
import { DateCell } from './DateCell';
import { formatDueIn } from './retentionFormat';
import { PagedTable } from '../components/PagedTable';

interface PreviewTableProps {
  cases: readonly RetentionPreviewCase[];
  label: string;
  /** Given to those allowed to place a hold: the row's action. */
  onHold?: (caseId: string) => void;
}

/** The cases due, soonest first: no names, only what identifies the case and what it holds. */
export const PreviewTable = ({ cases, label, onHold }: PreviewTableProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const now = new Date();
  const columns = ['case', 'categories', 'status', 'volume', 'last_activity', 'due']
    .concat(onHold ? ['actions'] : [])
    .map((key) => ({ key, label: translate(`vigie.retention.preview.fields.${key}`) }));
  return (
    <PagedTable label={label} columns={columns}>
      {cases.map((item) => {
        const dueIn = formatDueIn(new Date(item.dueAt), now, locale);
        return (
          <TableRow key={item.caseId} hover data-testid={`preview-case-${item.caseId}`}>
            <TableCell>
              <CaseIdCell caseId={item.caseId} />
            </TableCell>
            <TableCell>
              <CategoryChips categories={item.categories} max={2} />
            </TableCell>
            <TableCell>
              <CaseStatusChip status={item.status} />
            </TableCell>
            <TableCell>
              <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {translate('vigie.retention.preview.volume', {
                  messages: formatCount(item.messageCount, locale),
                  reports: formatCount(item.reportCount, locale),
                })}
              </Typography>
            </TableCell>
            <TableCell>
              <DateCell value={item.lastActivityAt} />
            </TableCell>
            <TableCell>
              <DateCell value={item.dueAt} detail={dueIn ?? translate('vigie.retention.preview.overdue')} />
            </TableCell>
            {onHold && (
              <TableCell>
                <Button
                  size="small"
                  startIcon={<GavelOutlined />}
                  onClick={() => onHold(item.caseId)}
                  sx={{ whiteSpace: 'nowrap' }}
                >
                  {translate('vigie.retention.hold.place')}
                </Button>
              </TableCell>
            )}
          </TableRow>
        );
      })}
    </PagedTable>
  );
};
