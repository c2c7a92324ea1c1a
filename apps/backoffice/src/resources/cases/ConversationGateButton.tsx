import LockOutlined from '@mui/icons-material/LockOutlined';
import { Box, Button, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * The way to the conversation itself. It will open through the gate (a justification, a
 * 15-minute grant, an entry in the access register); until then the button says so.
 */
export const ConversationGateButton = () => {
  const translate = useTranslate();
  const explanation = translate('vigie.cases.conversation.explanation');
  return (
    <Box sx={{ maxWidth: 300 }}>
      <Tooltip title={explanation}>
        {/* A disabled button fires no events: the span carries the tooltip. */}
        <span>
          <Button
            variant="outlined"
            color="inherit"
            startIcon={<LockOutlined />}
            disabled
            fullWidth
            data-testid="open-conversation"
          >
            {translate('vigie.cases.conversation.open')}
          </Button>
        </span>
      </Tooltip>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
        {translate('vigie.cases.conversation.coming')}
      </Typography>
    </Box>
  );
};
