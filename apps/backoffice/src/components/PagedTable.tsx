import { Box, Table, TableBody, TableCell, TableHead, TablePagination, TableRow } from '@mui/material';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCount } from '../common/format';
import { compactTableSx } from './tableStyle';

export interface TableColumn {
  key: string;
  label: string;
  sx?: SxProps<Theme>;
}

export interface TablePaging {
  total: number;
  /** From 0, as MUI counts. */
  page: number;
  perPage: number;
  onPageChange: (page: number) => void;
  /** Where `displayed` and the buttons' labels (`first`, `previous`, `next`, `last`) are. */
  messages: string;
}

interface PagedTableProps {
  /** The table's accessible name. */
  label: string;
  columns: readonly TableColumn[];
  /** More than the compact style: tighter sides for many columns. */
  sx?: SxProps<Theme>;
  /** Given, and with more rows than a page, the pagination below. */
  paging?: TablePaging;
  /** The rows. */
  children: ReactNode;
}

/** A compact table that scrolls sideways in its card, with its pagination when it needs one. */
export const PagedTable = ({ label, columns, sx, paging, children }: PagedTableProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" sx={[compactTableSx, ...(Array.isArray(sx) ? sx : [sx])]} aria-label={label}>
          <TableHead>
            <TableRow>
              {columns.map((column) => (
                <TableCell key={column.key} sx={column.sx}>
                  {column.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>{children}</TableBody>
        </Table>
      </Box>
      {paging && paging.total > paging.perPage && (
        <TablePagination
          component="div"
          count={paging.total}
          page={paging.page}
          rowsPerPage={paging.perPage}
          rowsPerPageOptions={[]}
          onPageChange={(_event, next) => paging.onPageChange(next)}
          labelDisplayedRows={({ from, to, count }) =>
            translate(`${paging.messages}.displayed`, {
              from: formatCount(from, locale),
              to: formatCount(to, locale),
              count: formatCount(count, locale),
            })
          }
          getItemAriaLabel={(type) => translate(`${paging.messages}.${type}`)}
        />
      )}
    </>
  );
};
