import { Box, Stack, Tooltip, Typography } from '@mui/material';
import type { AccessLogEntry } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import { MONOSPACE } from '../common/format';
import { FilterButton } from './FilterButton';

const mono = { fontFamily: MONOSPACE, fontSize: '0.8125rem' } as const;

/**
 * The conversation an entry concerns, by the platform's own id (the one a complaint quotes), and
 * the people it concerns by theirs; the button beside it narrows the register to the conversation.
 */
export const ConversationCell = ({
  conversationExternalId,
  conversationId,
  subjects,
}: {
  conversationExternalId: string | null;
  conversationId: string | null;
  subjects: AccessLogEntry['subjects'];
}) => {
  const translate = useTranslate();
  const people = subjects.map((subject) => subject.externalId ?? subject.id);
  return (
    <Box sx={{ minWidth: 0 }} data-testid="conversation-cell">
      {conversationExternalId ? (
        <Stack direction="row" spacing={0.25} sx={{ alignItems: 'center' }}>
          <Tooltip title={conversationId ?? ''} placement="top-start">
            <Typography component="span" variant="body2" sx={{ ...mono, fontWeight: 600 }} data-conversation={conversationExternalId}>
              {conversationExternalId}
            </Typography>
          </Tooltip>
          <FilterButton source="conversation" value={conversationExternalId} label={translate('vigie.register.conversation.filter')} />
        </Stack>
      ) : (
        <Typography component="span" variant="body2" color="text.disabled">
          {translate(conversationId ? 'vigie.register.conversation.erased' : 'vigie.register.case.none')}
        </Typography>
      )}
      {people.length > 0 && (
        <Typography
          variant="caption"
          color="text.secondary"
          component="div"
          title={people.join(', ')}
          sx={{ ...mono, fontSize: '0.75rem', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: 130 }}
        >
          {people.join(' · ')}
        </Typography>
      )}
    </Box>
  );
};
