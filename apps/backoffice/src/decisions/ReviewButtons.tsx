import ThumbDownAltOutlined from '@mui/icons-material/ThumbDownAltOutlined';
import ThumbUpAltOutlined from '@mui/icons-material/ThumbUpAltOutlined';
import { Button, Stack } from '@mui/material';
import type { Decision } from '@vigie/contracts';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { DecisionsApi } from './decisionsApi';
import { ReviewDialog } from './ReviewDialog';

interface ReviewButtonsProps {
  decision: Decision;
  onReviewed: () => void;
  api?: DecisionsApi;
}

/** "Approuver" / "Rejeter" a proposed decision, each through its dialog. For leads. */
export const ReviewButtons = ({ decision, onReviewed, api }: ReviewButtonsProps) => {
  const translate = useTranslate();
  const [approve, setApprove] = useState<boolean | null>(null);
  return (
    <>
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          color="success"
          startIcon={<ThumbUpAltOutlined />}
          onClick={() => setApprove(true)}
          data-testid="approve-decision"
        >
          {translate('vigie.decisions.list.approve')}
        </Button>
        <Button
          variant="outlined"
          color="error"
          startIcon={<ThumbDownAltOutlined />}
          onClick={() => setApprove(false)}
          data-testid="reject-decision"
        >
          {translate('vigie.decisions.list.reject')}
        </Button>
      </Stack>
      {approve !== null && (
        <ReviewDialog
          decision={decision}
          approve={approve}
          onClose={() => setApprove(null)}
          onDone={() => {
            setApprove(null);
            onReviewed();
          }}
          api={api}
        />
      )}
    </>
  );
};
