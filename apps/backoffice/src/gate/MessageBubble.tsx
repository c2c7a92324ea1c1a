import DoNotDisturbOnOutlined from '@mui/icons-material/DoNotDisturbOnOutlined';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useLocaleState, useTranslate } from 'react-admin';
import { PersonAvatar } from '../components/PersonAvatar';
import { formatDateTime } from '../i18n/relativeTime';
import { priorityColours } from '../common/caseColours';
import { byGravity, categoryLevel } from '../common/casePriority';
import { KindChip } from '../components/PeopleLabels';
import { isReported, type ThreadItem } from './gateRules';

const AVATAR = 32;

const timeOf = (date: Date, locale: string) =>
  new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);

/**
 * One message. The reported person writes on the left, the others on the right; a reported
 * message stands out in its gravest category's colour with a "Signalé" chip per category.
 */
export const MessageBubble = ({ item }: { item: ThreadItem }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { message, side, author, startsRun } = item;
  const left = side === 'reported';
  const name = author?.displayName ?? author?.externalId ?? translate('vigie.gate.viewer.unknown_author');
  const reported = isReported(item);
  const categories = byGravity([...new Set(item.reports.map((report) => report.category))]);
  const colour =
    categories.length > 0 ? priorityColours[categoryLevel(categories[0])] : priorityColours.critical;
  const sent = new Date(message.sentAt);

  const avatar = (
    <Box sx={{ width: AVATAR, flexShrink: 0 }}>
      {startsRun && <PersonAvatar name={name} size={AVATAR} muted={!left} />}
    </Box>
  );

  return (
    <Stack
      direction="row"
      spacing={1}
      data-testid="gate-message"
      data-message={message.externalId}
      data-side={side}
      data-reported={reported}
      sx={{ justifyContent: left ? 'flex-start' : 'flex-end', mt: startsRun ? 2 : 0.5 }}
    >
      {left && avatar}
      <Box
        sx={{
          maxWidth: '78%',
          minWidth: 0,
          display: 'flex',
          flexDirection: 'column',
          alignItems: left ? 'flex-start' : 'flex-end',
        }}
      >
        {startsRun && (
          <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', mb: 0.5, px: 0.5 }}>
            <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
              {name}
            </Typography>
            <KindChip kind={author?.kind ?? null} />
          </Stack>
        )}
        {reported && (
          <Stack
            direction="row"
            spacing={0.5}
            useFlexGap
            sx={{ flexWrap: 'wrap', mb: 0.5, justifyContent: left ? 'flex-start' : 'flex-end' }}
          >
            {categories.length > 0 ? (
              categories.map((category) => {
                const tone = priorityColours[categoryLevel(category)];
                return (
                  <Chip
                    key={category}
                    size="small"
                    icon={<FlagOutlined />}
                    label={translate('vigie.gate.viewer.reported_as', {
                      category: translate(`vigie.cases.categories.${category}`),
                    })}
                    data-testid="gate-reported-chip"
                    sx={{ color: '#fff', bgcolor: tone, '& .MuiChip-icon': { color: 'inherit' } }}
                  />
                );
              })
            ) : (
              <Chip
                size="small"
                icon={<FlagOutlined />}
                label={translate('vigie.gate.viewer.reported')}
                data-testid="gate-reported-chip"
                sx={{ color: '#fff', bgcolor: colour, '& .MuiChip-icon': { color: 'inherit' } }}
              />
            )}
          </Stack>
        )}
        <Box
          sx={(theme) => ({
            px: 1.75,
            py: 1.25,
            borderRadius: '14px',
            // The corner under the name points at its author.
            ...(startsRun && (left ? { borderTopLeftRadius: '4px' } : { borderTopRightRadius: '4px' })),
            bgcolor: reported
              ? alpha(colour, 0.07)
              : left
                ? theme.palette.background.paper
                : alpha(theme.palette.primary.main, 0.09),
            border: reported
              ? `2px solid ${colour}`
              : `1px solid ${left ? theme.palette.divider : 'transparent'}`,
            boxShadow: reported ? `0 0 0 3px ${alpha(colour, 0.12)}` : 'none',
          })}
        >
          {message.body === null ? (
            <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', color: 'text.secondary' }}>
              <DoNotDisturbOnOutlined sx={{ fontSize: 16 }} aria-hidden />
              <Typography variant="body2" sx={{ fontStyle: 'italic' }} data-testid="gate-erased">
                {translate('vigie.gate.viewer.erased')}
              </Typography>
            </Stack>
          ) : (
            <Typography
              variant="body1"
              sx={{
                whiteSpace: 'pre-wrap',
                overflowWrap: 'anywhere',
                fontSize: '0.9375rem',
                lineHeight: 1.55,
              }}
            >
              {message.body}
            </Typography>
          )}
        </Box>
        <Typography
          component="time"
          variant="caption"
          color="text.secondary"
          dateTime={message.sentAt}
          title={formatDateTime(sent, locale)}
          sx={{ mt: 0.25, px: 0.5, fontVariantNumeric: 'tabular-nums' }}
        >
          {timeOf(sent, locale)}
        </Typography>
      </Box>
      {!left && avatar}
    </Stack>
  );
};
