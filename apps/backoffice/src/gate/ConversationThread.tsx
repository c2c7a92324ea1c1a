import { Box, Chip, Divider, Typography } from '@mui/material';
import type { CaseParticipant, CaseReport, GrantedConversation } from '@vigie/contracts';
import { Fragment, useEffect, useRef } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { isReported, threadOf } from './gateRules';
import { HiddenMessagesMarker } from './HiddenMessagesMarker';
import { MessageBubble } from './MessageBubble';

interface ConversationThreadProps {
  conversation: GrantedConversation;
  /** The case's reports, for the category of each reported message. */
  reports: readonly CaseReport[];
  /** The case's participants, when the grant's answer lacks someone. */
  caseParticipants: readonly CaseParticipant[];
  /** Asks for the whole conversation; absent when it is already shown. */
  onWiden?: () => void;
}

const dayLabel = (iso: string, locale: string): string => {
  const text = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
};

/** Messages of the conversation between two windows of the grant (reports far apart). */
const gapBefore = (items: readonly { message: { position: number } }[], index: number): number =>
  items[index].message.position - items[index - 1].message.position - 1;

/** The messages a grant covers, by day, with what lies beyond the window marked at both ends. */
export const ConversationThread = ({
  conversation,
  reports,
  caseParticipants,
  onWiden,
}: ConversationThreadProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const firstReported = useRef<HTMLDivElement>(null);
  const participants = [
    ...conversation.participants,
    ...caseParticipants.filter((person) => !conversation.participants.some(({ id }) => id === person.id)),
  ];
  const items = threadOf(conversation.messages, participants, reports);
  const firstReportedIndex = items.findIndex(isReported);

  useEffect(() => {
    // Open where the reports point, not at the top of the window. (jsdom has no scrollIntoView.)
    firstReported.current?.scrollIntoView?.({ block: 'center' });
  }, []);

  return (
    <Box data-testid="gate-thread">
      {conversation.hiddenBefore > 0 && (
        <HiddenMessagesMarker count={conversation.hiddenBefore} position="before" onWiden={onWiden} />
      )}
      {items.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center', py: 4 }}>
          {translate('vigie.gate.viewer.empty')}
        </Typography>
      )}
      {items.map((item, index) => (
        <Fragment key={item.message.id}>
          {index > 0 && gapBefore(items, index) > 0 && (
            <HiddenMessagesMarker count={gapBefore(items, index)} position="between" onWiden={onWiden} />
          )}
          {item.startsDay && (
            <Divider sx={{ my: 2, '&::before, &::after': { borderColor: 'divider' } }}>
              <Chip
                size="small"
                label={dayLabel(item.message.sentAt, locale)}
                sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', fontWeight: 500 }}
              />
            </Divider>
          )}
          <Box ref={index === firstReportedIndex ? firstReported : undefined}>
            <MessageBubble item={item} />
          </Box>
        </Fragment>
      ))}
      {conversation.hiddenAfter > 0 && (
        <HiddenMessagesMarker count={conversation.hiddenAfter} position="after" onWiden={onWiden} />
      )}
    </Box>
  );
};
