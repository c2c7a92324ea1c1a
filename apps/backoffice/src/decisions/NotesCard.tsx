import EditOutlined from '@mui/icons-material/EditOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import SendOutlined from '@mui/icons-material/SendOutlined';
import StickyNote2Outlined from '@mui/icons-material/StickyNote2Outlined';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Divider,
  IconButton,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import type { CaseNote } from '@vigie/contracts';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import {
  type Identifier,
  useGetIdentity,
  useLocaleState,
  useLogoutIfAccessDenied,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { PersonAvatar } from '../components/PersonAvatar';
import { RelativeDate } from '../components/RelativeDate';
import { formatDateTime } from '../i18n/relativeTime';
import { SectionCard } from '../components/SectionCard';
import { type DecisionsApi, decisionsApi } from './decisionsApi';
import { refusalCodeOf } from '../providers/api';
import { refusalText } from '../common/refusals';
import { useNow } from './useNow';

const MAX_NOTE_LENGTH = 10_000;
const MINUTE = 60_000;

/** Ctrl + Enter (⌘ + Enter on a Mac) sends: a note is often several lines. */
const sendsOnKey = (event: KeyboardEvent) => event.key === 'Enter' && (event.ctrlKey || event.metaKey);

interface NoteItemProps {
  caseId: Identifier;
  note: CaseNote;
  selfId: string | undefined;
  now: number;
  api: DecisionsApi;
}

const NoteItem = ({ caseId, note, selfId, now, api }: NoteItemProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [draft, setDraft] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const own = selfId !== undefined && note.author.id === selfId;
  const left = new Date(note.editableUntil).getTime() - now;
  const editable = own && left > 0;

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (draft === null || pending) return;
    const text = draft.trim();
    if (text === '') {
      setFailure(translate('vigie.decisions.notes.required'));
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      await api.editNote(caseId, note.id, text);
      notify('vigie.decisions.notes.saved', { type: 'success' });
      setDraft(null);
      refresh();
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return;
      setFailure(refusalText(error, translate));
      // Frozen meanwhile: the note goes back to reading, as it now is for good.
      if (refusalCodeOf(error) === 'note_frozen') {
        setDraft(null);
        refresh();
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <Box component="article" data-testid="note" data-note={note.id} sx={{ py: 1.5 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minHeight: 32 }}>
        <PersonAvatar name={note.author.name} size={26} />
        <Stack
          direction="row"
          spacing={0.75}
          useFlexGap
          sx={{ alignItems: 'baseline', flexWrap: 'wrap', flex: 1, minWidth: 0 }}
        >
          <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
            {note.author.name}
          </Typography>
          <Box component="span" sx={{ '& time': { color: 'text.secondary' } }}>
            <RelativeDate value={note.createdAt} emptyText="" />
          </Box>
          {note.editedAt && (
            <Tooltip
              title={translate('vigie.decisions.notes.edited_at', {
                date: formatDateTime(new Date(note.editedAt), locale),
              })}
            >
              <Typography
                component="span"
                variant="caption"
                color="text.secondary"
                sx={{ fontStyle: 'italic' }}
                tabIndex={0}
                data-testid="note-edited"
              >
                ({translate('vigie.decisions.notes.edited')})
              </Typography>
            </Tooltip>
          )}
        </Stack>
        {editable && draft === null && (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Typography variant="caption" color="text.secondary" data-testid="note-editable-for">
              {left < MINUTE
                ? translate('vigie.decisions.notes.editable_less_than_minute')
                : translate('vigie.decisions.notes.editable_for', { smart_count: Math.floor(left / MINUTE) })}
            </Typography>
            <Tooltip title={translate('vigie.decisions.notes.edit')}>
              <IconButton
                size="small"
                aria-label={translate('vigie.decisions.notes.edit')}
                onClick={() => {
                  setDraft(note.text);
                  setFailure(null);
                }}
                data-testid="note-edit"
              >
                <EditOutlined fontSize="small" />
              </IconButton>
            </Tooltip>
          </Stack>
        )}
        {own && !editable && draft === null && (
          <Tooltip title={translate('vigie.decisions.notes.frozen_hint')}>
            <Stack
              direction="row"
              spacing={0.5}
              sx={{ alignItems: 'center', color: 'text.secondary' }}
              tabIndex={0}
              data-testid="note-frozen"
            >
              <LockOutlined sx={{ fontSize: 14 }} aria-hidden />
              <Typography variant="caption">{translate('vigie.decisions.notes.frozen')}</Typography>
            </Stack>
          </Tooltip>
        )}
      </Stack>
      {draft === null ? (
        <Typography
          variant="body2"
          sx={{ pl: 4.25, mt: 0.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="note-text"
        >
          {note.text}
        </Typography>
      ) : (
        <Box component="form" onSubmit={save} sx={{ pl: 4.25, mt: 1 }}>
          <TextField
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (sendsOnKey(event)) void save();
              if (event.key === 'Escape') setDraft(null);
            }}
            multiline
            minRows={2}
            maxRows={10}
            fullWidth
            autoFocus
            disabled={pending}
            slotProps={{
              htmlInput: {
                maxLength: MAX_NOTE_LENGTH,
                'aria-label': translate('vigie.decisions.notes.edit'),
                'data-testid': 'note-edit-input',
              },
            }}
          />
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', mt: 1 }}>
            <Button color="inherit" size="small" onClick={() => setDraft(null)} disabled={pending}>
              {translate('vigie.decisions.notes.cancel')}
            </Button>
            <Button
              type="submit"
              variant="contained"
              size="small"
              disabled={pending}
              startIcon={pending ? <CircularProgress size={14} color="inherit" /> : undefined}
              data-testid="note-save"
            >
              {translate('vigie.decisions.notes.save')}
            </Button>
          </Stack>
        </Box>
      )}
      {failure && (
        <Alert severity="warning" role="alert" sx={{ mt: 1, ml: 4.25 }}>
          {failure}
        </Alert>
      )}
    </Box>
  );
};

interface NotesCardProps {
  caseId: Identifier;
  notes: readonly CaseNote[];
  /** Once retention erased the case, no note can be added. */
  purged: boolean;
  api?: DecisionsApi;
}

/** The team's internal notes, oldest first, and a new one at the bottom. */
export const NotesCard = ({ caseId, notes, purged, api = decisionsApi }: NotesCardProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const { identity } = useGetIdentity();
  const selfId = identity ? String(identity.id) : undefined;
  // Counting down the edit windows: every 15 s while one of the viewer's notes is still editable.
  const anyEditable = notes.some(
    (note) => note.author.id === selfId && Date.parse(note.editableUntil) > Date.now(),
  );
  const now = useNow(15_000, anyEditable);
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const ordered = [...notes].sort(
    (a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime(),
  );

  const add = async (event?: FormEvent) => {
    event?.preventDefault();
    if (pending) return;
    const trimmed = text.trim();
    if (trimmed === '') {
      setFailure(translate('vigie.decisions.notes.required'));
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      await api.addNote(caseId, trimmed);
      notify('vigie.decisions.notes.added', { type: 'success' });
      setText('');
      refresh();
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return;
      setFailure(refusalText(error, translate));
    } finally {
      setPending(false);
    }
  };

  return (
    <SectionCard
      title={translate('vigie.decisions.notes.title')}
      icon={StickyNote2Outlined}
      count={notes.length}
      testId="case-notes"
    >
      <Typography variant="body2" color="text.secondary" sx={{ mt: -0.5, mb: 0.5 }}>
        {translate('vigie.decisions.notes.intro')}
      </Typography>
      {ordered.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 1.5, fontStyle: 'italic' }}>
          {translate('vigie.decisions.notes.empty')}
        </Typography>
      ) : (
        ordered.map((note, index) => (
          <Box key={note.id}>
            {index > 0 && <Divider />}
            <NoteItem caseId={caseId} note={note} selfId={selfId} now={now} api={api} />
          </Box>
        ))
      )}
      {purged ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('vigie.decisions.notes.purged')}
        </Typography>
      ) : (
        <Box component="form" onSubmit={add} sx={{ mt: 1.5 }} data-testid="note-add">
          <TextField
            label={translate('vigie.decisions.notes.add_label')}
            placeholder={translate('vigie.decisions.notes.add_placeholder')}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              if (failure) setFailure(null);
            }}
            onKeyDown={(event) => {
              if (sendsOnKey(event)) void add();
            }}
            multiline
            minRows={2}
            maxRows={8}
            fullWidth
            disabled={pending}
            helperText={translate('vigie.decisions.notes.add_hint')}
            slotProps={{ htmlInput: { maxLength: MAX_NOTE_LENGTH, 'data-testid': 'note-input' } }}
          />
          {failure && (
            <Alert severity="warning" role="alert" sx={{ mt: 1 }}>
              {failure}
            </Alert>
          )}
          <Stack direction="row" sx={{ justifyContent: 'flex-end', mt: 1 }}>
            <Button
              type="submit"
              variant="outlined"
              disabled={pending}
              startIcon={pending ? <CircularProgress size={16} color="inherit" /> : <SendOutlined />}
              data-testid="note-submit"
            >
              {translate('vigie.decisions.notes.add')}
            </Button>
          </Stack>
        </Box>
      )}
    </SectionCard>
  );
};
