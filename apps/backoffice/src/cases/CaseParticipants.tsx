import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import { Chip, Stack } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { CaseParticipant, CaseReport } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import { priorityColours } from '../common/caseColours';
import { ParticipantLabel } from '../components/PeopleLabels';
import { SectionCard } from '../components/SectionCard';

interface CaseParticipantsProps {
  participants: readonly CaseParticipant[];
  reports: readonly CaseReport[];
}

/** The conversation's members, each marked with their part in the reports. */
export const CaseParticipants = ({ participants, reports }: CaseParticipantsProps) => {
  const translate = useTranslate();
  const reported = new Set(reports.map((report) => report.reported.id));
  const reporters = new Set(reports.map((report) => report.reporter.id));
  return (
    <SectionCard
      title={translate('vigie.cases.sections.participants')}
      icon={PeopleOutlined}
      count={participants.length}
      testId="case-participants"
    >
      <Stack spacing={1.5}>
        {participants.map((participant) => (
          <Stack
            key={participant.id}
            direction="row"
            spacing={1}
            sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}
          >
            <ParticipantLabel participant={participant} showExternalId />
            <Stack direction="row" spacing={0.5}>
              {reported.has(participant.id) && (
                <Chip
                  size="small"
                  label={translate('vigie.cases.participants.reported')}
                  sx={{ color: priorityColours.high, bgcolor: alpha(priorityColours.high, 0.08) }}
                />
              )}
              {reporters.has(participant.id) && (
                <Chip
                  size="small"
                  label={translate('vigie.cases.participants.reporter')}
                  sx={{ bgcolor: 'action.hover' }}
                />
              )}
            </Stack>
          </Stack>
        ))}
      </Stack>
    </SectionCard>
  );
};
