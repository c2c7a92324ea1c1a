import type { SxProps, Theme } from '@mui/material/styles';

/** The register's table look: tight cells, a tinted head, one line per cell, a faint hover. */
export const compactTableSx = {
  '& .MuiTableCell-root': { py: 1, px: 1.25, verticalAlign: 'middle' },
  '& .MuiTableCell-root:first-of-type': { pl: 2.5 },
  '& .MuiTableCell-root:last-of-type': { pr: 2.5 },
  '& .MuiTableCell-head': {
    bgcolor: 'background.default',
    borderTop: 1,
    borderColor: 'divider',
    color: 'text.secondary',
    fontWeight: 600,
    whiteSpace: 'nowrap',
  },
  '& .MuiTableCell-body': { whiteSpace: 'nowrap' },
  '& .MuiTableRow-hover:hover': { bgcolor: 'rgba(18, 80, 107, 0.035)' },
  '& .MuiTableBody-root .MuiTableRow-root:last-of-type > td': { borderBottom: 0 },
} satisfies SxProps<Theme>;

/** Figures right-aligned in tabular digits, so a column of counts compares by eye. */
export const numberCellSx = {
  textAlign: 'right',
  fontVariantNumeric: 'tabular-nums',
} satisfies SxProps<Theme>;

/** A figure column's head: its two or three words wrap, so the many counts of a run fit the card. */
export const numberHeadSx = {
  textAlign: 'right',
  whiteSpace: 'normal !important',
  minWidth: 64,
  lineHeight: 1.25,
} satisfies SxProps<Theme>;
