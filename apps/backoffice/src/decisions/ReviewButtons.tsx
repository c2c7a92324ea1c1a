import ThumbDownAltOutlined from '@mui/icons-material/ThumbDownAltOutlined';
import ThumbUpAltOutlined from '@mui/icons-material/ThumbUpAltOutlined';
import { Button, Stack } from '@mui/material';
import type { Decision } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import type { DecisionsApi } from './decisionsApi';
import { ReviewDialog } from './ReviewDialog';
import { useDialogChoice } from '../common/useDialogChoice';

interface ReviewButtonsProps {
  decision: Decision;
  onReviewed: () => void;
  api?: DecisionsApi;
}

/** "Approuver" / "Rejeter" a proposed decision, each through its dialog. For leads. */
export const ReviewButtons = ({ decision, onReviewed, api }: ReviewButtonsProps) => {
  const translate = useTranslate();
  const dialog = useDialogChoice<boolean>(onReviewed);
  return (
    <>
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          color="success"
          startIcon={<ThumbUpAltOutlined />}
          onClick={() => dialog.open(true)}
          data-testid="approve-decision"
        >
          {translate('vigie.decisions.list.approve')}
        </Button>
        <Button
          variant="outlined"
          color="error"
          startIcon={<ThumbDownAltOutlined />}
          onClick={() => dialog.open(false)}
          data-testid="reject-decision"
        >
          {translate('vigie.decisions.list.reject')}
        </Button>
      </Stack>
      {dialog.choice !== undefined && (
        <ReviewDialog decision={decision} approve={dialog.choice} onClose={dialog.close} onDone={dialog.done} api={api} />
      )}
    </>
  );
};
