import PersonOffOutlined from '@mui/icons-material/PersonOffOutlined';
import { Box, Chip, Stack, Typography } from '@mui/material';
import type { CaseParticipant } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import { PersonAvatar } from './PersonAvatar';

/** "Explorateur·rice" or "Expert·e": which side of the mentoring a platform user is on. */
export const KindChip = ({ kind }: { kind: CaseParticipant['kind'] }) => {
  const translate = useTranslate();
  if (!kind) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={translate(`vigie.cases.kinds.${kind}`)}
      data-kind={kind}
      sx={{
        height: 20,
        fontSize: '0.75rem',
        fontWeight: 500,
        color: 'text.secondary',
        borderColor: 'divider',
      }}
    />
  );
};

interface ParticipantLabelProps {
  participant: CaseParticipant | null;
  /** Show the platform's id under the name (the case page), or only on hover (the queue). */
  showExternalId?: boolean;
}

/** A platform user: their display name and kind; the platform's id when they have no name. */
export const ParticipantLabel = ({ participant, showExternalId = false }: ParticipantLabelProps) => {
  const translate = useTranslate();
  if (!participant) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('vigie.cases.unknown_user')}
      </Typography>
    );
  }
  return (
    <Box
      sx={{ minWidth: 0 }}
      title={showExternalId ? undefined : `${participant.displayName ?? ''} (${participant.externalId})`}
    >
      <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
        <Typography
          component="span"
          variant="body2"
          // In the queue a long name is cut short (whole on hover), so the row stays one line.
          noWrap={!showExternalId}
          sx={{ fontWeight: 600, maxWidth: showExternalId ? undefined : 180 }}
        >
          {participant.displayName ?? participant.externalId}
        </Typography>
        <KindChip kind={participant.kind} />
      </Stack>
      {showExternalId && (
        <Typography
          component="span"
          variant="caption"
          color="text.secondary"
          sx={{ display: 'block', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
        >
          {participant.externalId}
        </Typography>
      )}
    </Box>
  );
};

interface AssigneeLabelProps {
  assignee: { id: string; name: string } | null;
  /** The signed-in staff member's id, to say "vous" on their own cases. */
  selfId?: string | number;
}

/** Who works the case, or a quiet "Non assigné". */
export const AssigneeLabel = ({ assignee, selfId }: AssigneeLabelProps) => {
  const translate = useTranslate();
  if (!assignee) {
    return (
      <Stack
        direction="row"
        spacing={0.75}
        sx={{ alignItems: 'center', color: 'text.secondary' }}
        data-assignee="none"
      >
        <PersonOffOutlined sx={{ fontSize: 18 }} aria-hidden />
        <Typography component="span" variant="body2" sx={{ fontStyle: 'italic' }}>
          {translate('vigie.cases.unassigned')}
        </Typography>
      </Stack>
    );
  }
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-assignee={assignee.id}>
      <PersonAvatar name={assignee.name} size={24} />
      <Typography component="span" variant="body2">
        {assignee.name}
        {selfId !== undefined && String(selfId) === assignee.id && (
          <Typography component="span" variant="body2" color="text.secondary">
            {` (${translate('vigie.cases.you')})`}
          </Typography>
        )}
      </Typography>
    </Stack>
  );
};
