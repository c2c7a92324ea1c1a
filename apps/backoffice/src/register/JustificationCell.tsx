import AutoDeleteOutlined from '@mui/icons-material/AutoDeleteOutlined';
import { Stack, Tooltip, Typography } from '@mui/material';
import type { AccessLogEntry } from '@vigie/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../i18n/relativeTime';

type JustificationCellProps = Pick<AccessLogEntry, 'justification' | 'erasedAt'> &
  Partial<Pick<AccessLogEntry, 'outcome'>>;

/** The justification cut to one line, whole on hover and in the row's detail. */
export const JustificationCell = ({ justification, erasedAt, outcome }: JustificationCellProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (erasedAt) {
    return (
      <Tooltip
        title={translate('vigie.register.justification.erased_hint', {
          date: formatDateTime(new Date(erasedAt), locale),
        })}
        placement="top-start"
      >
        <Stack
          direction="row"
          spacing={0.5}
          data-erased="true"
          sx={{ alignItems: 'center', color: 'text.secondary', width: 'fit-content' }}
        >
          <AutoDeleteOutlined sx={{ fontSize: 16 }} aria-hidden />
          <Typography component="span" variant="body2" sx={{ fontStyle: 'italic' }}>
            {translate('vigie.register.justification.erased')}
          </Typography>
        </Stack>
      </Tooltip>
    );
  }
  if (!justification) {
    // A read is justified by its grant, whose entry carries the justification.
    return (
      <Typography component="p" variant="body2" color="text.disabled" noWrap>
        {translate(outcome === 'read' ? 'vigie.register.justification.read' : 'vigie.register.justification.none')}
      </Typography>
    );
  }
  return (
    <Tooltip
      title={<span style={{ whiteSpace: 'pre-line' }}>{justification}</span>}
      placement="top-start"
      slotProps={{ tooltip: { sx: { maxWidth: 480 } } }}
    >
      <Typography component="p" variant="body2" noWrap>
        {justification}
      </Typography>
    </Tooltip>
  );
};
