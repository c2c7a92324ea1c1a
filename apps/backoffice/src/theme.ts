import { alpha } from '@mui/material/styles';
import type { StaffRole } from '@vigie/contracts';
import type { RaThemeOptions } from 'react-admin';

// A calm, high-contrast palette: the team reads distressing content all day, so
// nothing shouts except what must (errors, minor-safety priority).
const ink = '#15232d';
const primary = { main: '#12506b', light: '#3e7a93', dark: '#0b3447', contrastText: '#ffffff' };
const secondary = { main: '#0f766e', light: '#3f9a92', dark: '#0a524c', contrastText: '#ffffff' };
const surface = { default: '#f3f6f8', paper: '#ffffff' };
const line = '#dde5ea';

/** One muted hue per role, so a row of chips reads at a glance without anything shouting. */
export const roleColours: Record<StaffRole, string> = {
  moderator: secondary.main,
  lead: primary.main,
  dpo: '#6a4c93',
  admin: '#8a5a12',
};

// No web font is bundled (first-load weight): each desktop gets its own UI face,
// and Linux gets Arial's metric twin rather than a wide default.
const fontFamily = [
  'Inter',
  '"Segoe UI"',
  '-apple-system',
  'BlinkMacSystemFont',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Liberation Sans"',
  'system-ui',
  'sans-serif',
].join(',');

export const theme: RaThemeOptions = {
  palette: {
    mode: 'light',
    primary,
    secondary,
    background: surface,
    text: { primary: ink, secondary: '#52626f' },
    divider: line,
    error: { main: '#b42318' },
    warning: { main: '#b45309' },
    info: { main: '#1d5fa8' },
    success: { main: '#1e7a4f' },
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily,
    h4: { fontWeight: 700, letterSpacing: '-0.01em' },
    h5: { fontWeight: 700, letterSpacing: '-0.01em' },
    h6: { fontWeight: 600 },
    subtitle1: { fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600, letterSpacing: 0 },
  },
  sidebar: { width: 260, closedWidth: 56 },
  components: {
    MuiAppBar: {
      styleOverrides: {
        root: { boxShadow: 'none' },
        colorSecondary: {
          backgroundColor: primary.dark,
          color: primary.contrastText,
        },
      },
    },
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: { root: { borderRadius: 8 }, sizeLarge: { padding: '10px 22px' } },
    },
    MuiCard: {
      defaultProps: { elevation: 0 },
      styleOverrides: { root: { borderRadius: 14, border: `1px solid ${line}` } },
    },
    MuiPaper: {
      styleOverrides: { rounded: { borderRadius: 12 } },
    },
    MuiChip: {
      styleOverrides: { root: { fontWeight: 600 } },
    },
    MuiAlert: {
      styleOverrides: { root: { borderRadius: 10, alignItems: 'flex-start' } },
    },
    MuiTextField: {
      defaultProps: { variant: 'outlined', margin: 'dense', size: 'small', fullWidth: true },
    },
    MuiFormControl: {
      defaultProps: { variant: 'outlined', margin: 'dense', size: 'small', fullWidth: true },
    },
    MuiOutlinedInput: {
      styleOverrides: {
        root: { backgroundColor: surface.paper },
        notchedOutline: { borderColor: '#c5d1d9' },
      },
    },
    MuiAutocomplete: { defaultProps: { fullWidth: true } },
    MuiListItemIcon: { styleOverrides: { root: { minWidth: 40 } } },
    MuiTableCell: {
      styleOverrides: { head: { fontWeight: 600, color: '#3b4b57' } },
    },
    MuiTooltip: {
      styleOverrides: { tooltip: { backgroundColor: ink, fontSize: '0.8125rem' } },
    },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          margin: '2px 8px',
          borderRadius: 8,
          color: '#3b4b57',
          '& .RaMenuItemLink-icon': { color: '#6b7c88' },
          '&.RaMenuItemLink-active': {
            color: primary.dark,
            fontWeight: 600,
            backgroundColor: alpha(primary.main, 0.1),
            '& .RaMenuItemLink-icon': { color: primary.main },
          },
        },
      },
    },
    RaLayout: {
      styleOverrides: {
        root: {
          // react-admin lets the page grow to its widest table; ours scroll inside their card.
          minWidth: 0,
          '& .RaLayout-content': {
            // A flex item grows to its widest child by default: wide tables scroll in their card instead.
            minWidth: 0,
            padding: '16px 12px',
            '@media (min-width: 900px)': { padding: '24px 32px' },
          },
        },
      },
    },
    RaSimpleFormIterator: { defaultProps: { fullWidth: true } },
    RaTranslatableInputs: { defaultProps: { fullWidth: true } },
  },
};
