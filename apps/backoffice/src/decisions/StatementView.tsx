import { Box, Typography } from '@mui/material';
import type { Decision } from '@vigie/contracts';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { MONOSPACE } from '../common/format';
import { useClauseWords } from './clauseLabel';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Typography component="dt" variant="caption" color="text.secondary" sx={{ pt: 0.25 }}>
      {label}
    </Typography>
    <Typography
      component="dd"
      variant="body2"
      sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
    >
      {children}
    </Typography>
  </>
);

/** A decision's clause and statement of reasons, as the person concerned receives it. */
export const StatementView = ({ decision }: { decision: Decision }) => {
  const translate = useTranslate();
  const clauseWords = useClauseWords();
  const { statement } = decision;
  return (
    <Box
      component="dl"
      data-testid="decision-statement"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: '170px minmax(0, 1fr)' },
        columnGap: 2,
        rowGap: { xs: 0.25, sm: 1 },
      }}
    >
      <Row label={translate('vigie.decisions.list.clause')}>{clauseWords.label(decision.policyClause)}</Row>
      <Row label={translate('vigie.decisions.list.facts')}>{statement.facts}</Row>
      <Row label={translate('vigie.decisions.list.ground')}>{statement.ground}</Row>
      <Row label={translate('vigie.decisions.list.automated')}>
        {translate(
          statement.automated ? 'vigie.decisions.list.automated_yes' : 'vigie.decisions.list.automated_no',
        )}
      </Row>
      <Row label={translate('vigie.decisions.list.redress')}>{statement.redress}</Row>
      {decision.messageIds.length > 0 && (
        <Row label={translate('vigie.decisions.list.messages_removed')}>
          <Box component="span" sx={{ fontFamily: MONOSPACE }}>
            {decision.messageIds.join(', ')}
          </Box>
        </Row>
      )}
    </Box>
  );
};
