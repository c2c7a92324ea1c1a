import GavelOutlined from '@mui/icons-material/GavelOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import PublishOutlined from '@mui/icons-material/PublishOutlined';
import { Alert, Box, Button, Card, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { LIA_TEXT_MAX } from '@vigie/contracts';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useApiData } from '../common/useApiData';
import { CardHeading } from '../components/CardHeading';
import { LoadFailedAlert } from '../components/LoadFailedAlert';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../i18n/relativeTime';
import { effectiveFromOfDay, liaApi, type LiaApi, today } from './liaApi';
import { LiaText } from './LiaText';

const MIN_TEXT = 50;

/**
 * The DPO's screen of the legitimate-interest assessment: the version in force, every version,
 * and the form that publishes the next (prefilled with the text in force, from today or later).
 */
export const LiaPage = ({ api = liaApi }: { api?: LiaApi }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [reload, setReload] = useState(0);
  const load = useCallback(() => api.overview(), [api]);
  const { data, error, isPending } = useApiData(load, reload);
  const [text, setText] = useState<string | null>(null);
  const [day, setDay] = useState(today());
  const [saving, setSaving] = useState(false);
  const current = data?.current ?? null;
  useEffect(() => {
    if (current && text === null) setText(current.text);
  }, [current, text]);
  const draft = text ?? '';
  const tooShort = draft.trim().length < MIN_TEXT;
  const pastDay = day < today();
  const date = (iso: string) => formatDateTime(new Date(iso), locale);

  const publish = async () => {
    setSaving(true);
    try {
      const published = await api.publish(draft, effectiveFromOfDay(day));
      notify(translate('vigie.lia.published', { version: published.version }), { type: 'success' });
      setReload((n) => n + 1);
    } catch (e) {
      notify(translate('vigie.lia.publish_failed', { message: e instanceof Error ? e.message : String(e) }), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box sx={{ maxWidth: 1100, minWidth: 0, width: '100%' }}>
      <Title title="vigie.lia.title" />
      <PageHeader title={translate('vigie.lia.title')} intro={translate('vigie.lia.intro')} />
      {isPending && !data && <LinearProgress sx={{ borderRadius: 2 }} />}
      {error !== null && <LoadFailedAlert error={error} messageKey="vigie.lia.load_failed" />}
      {data && (
        <Stack spacing={2.5}>
          <Card component="section" aria-labelledby="lia-current-title" data-testid="lia-current">
            <Box sx={{ p: 2.5 }}>
              <CardHeading
                id="lia-current-title"
                icon={GavelOutlined}
                title={current ? translate('vigie.lia.current_title', { version: current.version }) : translate('vigie.lia.none_in_force')}
                explanation={current ? translate('vigie.lia.in_force_since', { date: date(current.effectiveFrom) }) : undefined}
              />
              {current && (
                <Box sx={{ mt: 2 }}>
                  <LiaText text={current.text} />
                </Box>
              )}
            </Box>
          </Card>
          <Card component="section" aria-labelledby="lia-history-title">
            <Box sx={{ p: 2.5 }}>
              <CardHeading id="lia-history-title" icon={HistoryOutlined} title={translate('vigie.lia.history_title')} />
              <Table size="small" sx={{ mt: 1 }} data-testid="lia-history">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('vigie.lia.version')}</TableCell>
                    <TableCell>{translate('vigie.lia.effective_from')}</TableCell>
                    <TableCell>{translate('vigie.lia.written')}</TableCell>
                    <TableCell>{translate('vigie.lia.digest')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.history.map((v) => (
                    <TableRow key={v.version} data-testid={`lia-history-${v.version}`}>
                      <TableCell>
                        <Link to={`/lia/${v.version}`}>{translate('vigie.lia.version_label', { version: v.version })}</Link>
                        {current?.version === v.version ? ` · ${translate('vigie.lia.in_force')}` : ''}
                        {new Date(v.effectiveFrom).getTime() > Date.now() ? ` · ${translate('vigie.lia.upcoming')}` : ''}
                      </TableCell>
                      <TableCell>{date(v.effectiveFrom)}</TableCell>
                      <TableCell>
                        {date(v.writtenAt)} · {v.writtenBy ? (v.writtenBy.name ?? v.writtenBy.id) : translate('vigie.lia.shipped')}
                      </TableCell>
                      <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{v.digest.slice(0, 16)}…</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </Card>
          <Card component="section" aria-labelledby="lia-publish-title">
            <Box sx={{ p: 2.5 }}>
              <CardHeading
                id="lia-publish-title"
                icon={PublishOutlined}
                title={translate('vigie.lia.publish_title')}
                explanation={translate('vigie.lia.publish_explanation')}
              />
              <Stack spacing={2} sx={{ mt: 2 }}>
                <TextField
                  label={translate('vigie.lia.text_label')}
                  value={draft}
                  onChange={(e) => setText(e.target.value)}
                  multiline
                  minRows={12}
                  maxRows={30}
                  slotProps={{ htmlInput: { maxLength: LIA_TEXT_MAX, 'data-testid': 'lia-text-input' } }}
                  error={text !== null && tooShort}
                  helperText={translate('vigie.lia.text_help', { min: MIN_TEXT })}
                />
                <TextField
                  type="date"
                  label={translate('vigie.lia.effective_from')}
                  value={day}
                  onChange={(e) => setDay(e.target.value)}
                  slotProps={{ htmlInput: { min: today(), 'data-testid': 'lia-effective-input' }, inputLabel: { shrink: true } }}
                  error={pastDay}
                  helperText={translate(pastDay ? 'vigie.lia.effective_past' : 'vigie.lia.effective_help')}
                  sx={{ maxWidth: 260 }}
                />
                <Alert severity="info">{translate('vigie.lia.publish_note')}</Alert>
                <Box>
                  <Button variant="contained" startIcon={<PublishOutlined />} disabled={saving || tooShort || pastDay} onClick={publish} data-testid="lia-publish">
                    {translate('vigie.lia.publish')}
                  </Button>
                </Box>
              </Stack>
            </Box>
          </Card>
        </Stack>
      )}
    </Box>
  );
};
