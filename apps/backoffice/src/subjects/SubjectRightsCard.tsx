import DeleteForeverOutlined from '@mui/icons-material/DeleteForeverOutlined';
import PanToolOutlined from '@mui/icons-material/PanToolOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { SubjectErasurePreview } from '@vigie/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { errorMessageKey } from '../common/errorMessageKey';
import { shortId } from '../common/format';
import { useApiData } from '../common/useApiData';
import { CardHeading } from '../components/CardHeading';
import { formatDate } from '../i18n/relativeTime';
import { refusalCodeOf } from '../providers/api';
import { subjectsApi, type SubjectsApi } from './subjectsApi';

const MIN_REASON = 10;
const MAX_REFERENCE = 100;

type Open = 'restrict' | 'lift' | 'erase' | null;

/**
 * The person's other rights, on their report: restrict the processing of their data (no
 * conversation of theirs opens), lift it, or erase their data ahead of retention — each with the
 * request's reference, each to the staff journal.
 */
export const SubjectRightsCard = ({
  externalId,
  api = subjectsApi,
  onErased,
}: {
  externalId: string;
  api?: SubjectsApi;
  /** The person's data is gone: they will not be found again. */
  onErased?: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [version, setVersion] = useState(0);
  const load = useCallback(() => api.report(externalId), [api, externalId]);
  const { data: report } = useApiData(load, version);
  const restriction = report?.restriction ?? null;
  const [open, setOpen] = useState<Open>(null);
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const [preview, setPreview] = useState<SubjectErasurePreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [attempted, setAttempted] = useState(false);

  const start = async (which: Exclude<Open, null>) => {
    setReason('');
    setReference('');
    setFailure(null);
    setAttempted(false);
    setPreview(null);
    setOpen(which);
    if (which === 'erase') {
      try {
        setPreview(await api.erasurePreview(externalId));
      } catch (error) {
        const key = errorMessageKey(error);
        setFailure(translate('vigie.subjects.rights.failed', { message: translate(key, { _: key }) }));
      }
    }
  };

  const reasonBad = open !== 'erase' && reason.trim().length < MIN_REASON;
  const referenceBad = open !== 'lift' && (reference.trim().length < 1 || reference.trim().length > MAX_REFERENCE);
  const held = (preview?.heldCaseIds.length ?? 0) > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (reasonBad || referenceBad || pending || (open === 'erase' && (!preview || held))) return;
    setPending(true);
    setFailure(null);
    try {
      if (open === 'restrict') {
        await api.restrict(externalId, reason.trim(), reference.trim());
        notify('vigie.subjects.rights.restricted_done', { type: 'success' });
      } else if (open === 'lift') {
        await api.liftRestriction(externalId, reason.trim());
        notify('vigie.subjects.rights.lifted_done', { type: 'success' });
      } else if (open === 'erase') {
        const run = await api.erase(externalId, reference.trim());
        notify('vigie.subjects.rights.erased', { type: 'success', messageArgs: { smart_count: run.counts.casesPurged } });
        setOpen(null);
        onErased?.();
        return;
      }
      setOpen(null);
      setVersion((v) => v + 1);
    } catch (error) {
      const code = refusalCodeOf(error);
      if (code === 'restriction_exists' || code === 'no_restriction') {
        notify(code === 'restriction_exists' ? 'vigie.subjects.rights.exists' : 'vigie.subjects.rights.none', { type: 'info' });
        setOpen(null);
        setVersion((v) => v + 1);
        return;
      }
      const key = errorMessageKey(error);
      setFailure(translate('vigie.subjects.rights.failed', { message: translate(key, { _: key }) }));
    } finally {
      setPending(false);
    }
  };

  return (
    <Card component="section" aria-labelledby="subject-rights-title" data-testid="subject-rights" sx={{ mt: 2 }}>
      <Box sx={{ p: 2.5 }}>
        <CardHeading
          id="subject-rights-title"
          icon={PanToolOutlined}
          title={translate('vigie.subjects.rights.title')}
          explanation={translate('vigie.subjects.rights.intro')}
        />
        {restriction ? (
          <Alert severity="warning" sx={{ mt: 2 }} data-testid="subject-restriction">
            {translate('vigie.subjects.rights.restricted_since', { date: formatDate(new Date(restriction.restrictedAt), locale), reference: restriction.reference })}
          </Alert>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            {translate('vigie.subjects.rights.not_restricted')}
          </Typography>
        )}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mt: 2 }}>
          {restriction ? (
            <Button variant="outlined" onClick={() => void start('lift')} data-testid="subject-lift">
              {translate('vigie.subjects.rights.lift')}
            </Button>
          ) : (
            <Button variant="outlined" onClick={() => void start('restrict')} data-testid="subject-restrict">
              {translate('vigie.subjects.rights.restrict')}
            </Button>
          )}
          <Button variant="outlined" color="error" startIcon={<DeleteForeverOutlined />} onClick={() => void start('erase')} data-testid="subject-erase">
            {translate('vigie.subjects.rights.erase')}
          </Button>
        </Stack>
      </Box>
      <Dialog open={open !== null} onClose={() => !pending && setOpen(null)} fullWidth maxWidth="sm">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogTitle>{open ? translate(`vigie.subjects.rights.${open}_title`) : ''}</DialogTitle>
          <DialogContent>
            {open === 'erase' && preview && (
              <Stack spacing={1.5} sx={{ mb: 1 }}>
                <Typography variant="body2" data-testid="subject-erasure-preview">
                  {translate('vigie.subjects.rights.preview', { smart_count: preview.caseIds.length, reports: preview.reports, messages: preview.messages })}
                </Typography>
                {held ? (
                  <Alert severity="error" data-testid="subject-erasure-held">
                    {translate('vigie.subjects.rights.held', { ids: preview.heldCaseIds.map(shortId).join(', ') })}
                  </Alert>
                ) : (
                  <Alert severity="warning">{translate('vigie.subjects.rights.irreversible')}</Alert>
                )}
              </Stack>
            )}
            {open !== 'erase' && (
              <TextField
                label={translate('vigie.subjects.rights.reason')}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                multiline
                minRows={2}
                fullWidth
                margin="dense"
                error={attempted && reasonBad}
                helperText={translate('vigie.subjects.rights.reason_hint')}
                slotProps={{ htmlInput: { 'data-testid': 'subject-rights-reason' } }}
              />
            )}
            {open !== 'lift' && (
              <TextField
                label={translate('vigie.subjects.rights.reference')}
                value={reference}
                onChange={(event) => setReference(event.target.value)}
                fullWidth
                margin="dense"
                error={attempted && referenceBad}
                helperText={translate('vigie.subjects.rights.reference_hint')}
                slotProps={{ htmlInput: { 'data-testid': 'subject-rights-reference', maxLength: MAX_REFERENCE } }}
              />
            )}
            {failure && (
              <Alert severity="error" sx={{ mt: 1.5 }} role="alert">
                {failure}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(null)} disabled={pending}>
              {translate('vigie.subjects.rights.cancel')}
            </Button>
            <Button
              type="submit"
              variant="contained"
              color={open === 'erase' ? 'error' : 'primary'}
              disabled={pending || (open === 'erase' && (!preview || held))}
              data-testid="subject-rights-confirm"
            >
              {open ? translate(`vigie.subjects.rights.confirm_${open}`) : ''}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </Card>
  );
};
