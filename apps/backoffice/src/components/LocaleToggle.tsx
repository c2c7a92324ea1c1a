import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useLocaleState, useLocales, useTranslate } from 'react-admin';

/**
 * Both languages side by side, for pages without the app bar's language menu
 * (the login page). Names stay in their own language so anyone can find theirs.
 */
export const LocaleToggle = () => {
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  const translate = useTranslate();

  return (
    <ToggleButtonGroup
      data-testid="locale-switch"
      aria-label={translate('vigie.locale.label')}
      value={locale}
      exclusive
      color="primary"
      size="small"
      onChange={(_event, next: string | null) => {
        if (next !== null) setLocale(next);
      }}
      sx={{
        '& .MuiToggleButton-root': {
          px: 1.25,
          py: 0.25,
          fontSize: '0.8125rem',
          fontWeight: 600,
          textTransform: 'none',
          lineHeight: 1.6,
        },
      }}
    >
      {locales.map(({ locale: code, name }) => (
        <ToggleButton key={code} value={code} lang={code}>
          {name}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};
