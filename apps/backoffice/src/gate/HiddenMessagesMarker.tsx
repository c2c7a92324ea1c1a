import UnfoldMoreOutlined from '@mui/icons-material/UnfoldMoreOutlined';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

interface HiddenMessagesMarkerProps {
  count: number;
  position: 'before' | 'between' | 'after';
  /** Asks for the whole conversation; absent when it is already shown. */
  onWiden?: () => void;
}

/** Where the grant's window ends: how many messages lie beyond it, and the way to ask for them. */
export const HiddenMessagesMarker = ({ count, position, onWiden }: HiddenMessagesMarkerProps) => {
  const translate = useTranslate();
  const rule = <Box aria-hidden sx={{ flex: 1, borderTop: '1px dashed', borderColor: 'divider' }} />;
  return (
    <Stack
      direction="row"
      spacing={1.5}
      data-testid={`gate-hidden-${position}`}
      sx={{ alignItems: 'center', my: 2 }}
    >
      {rule}
      <Stack spacing={0.5} sx={{ alignItems: 'center', textAlign: 'center' }}>
        <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', color: 'text.secondary' }}>
          <UnfoldMoreOutlined sx={{ fontSize: 18 }} aria-hidden />
          <Typography variant="body2" color="text.secondary">
            {translate(`vigie.gate.viewer.hidden_${position}`, { smart_count: count })}
          </Typography>
        </Stack>
        {onWiden && (
          <Button size="small" onClick={onWiden}>
            {translate('vigie.gate.viewer.see_all')}
          </Button>
        )}
      </Stack>
      {rule}
    </Stack>
  );
};
