import PersonSearchOutlined from '@mui/icons-material/PersonSearchOutlined';
import { Box, Button, Card, LinearProgress, Stack, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { type FormEvent, useCallback, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCount, MONOSPACE } from '../common/format';
import { useApiData } from '../common/useApiData';
import { CardHeading } from '../components/CardHeading';
import { LoadFailedAlert } from '../components/LoadFailedAlert';
import { PagedTable } from '../components/PagedTable';
import { type SubjectPage, subjectsApi, type SubjectsApi } from './subjectsApi';

const PER_PAGE = 10;
const NOTHING: SubjectPage = { data: [], total: 0 };

interface SubjectSearchCardProps {
  selected: string | null;
  onSelect: (externalId: string) => void;
  api?: SubjectsApi;
}

/** Finds a person by the beginning of their platform id or part of their name; a row opens their report. */
export const SubjectSearchCard = ({ selected, onSelect, api = subjectsApi }: SubjectSearchCardProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const load = useCallback(() => (query ? api.search(query, page + 1, PER_PAGE) : Promise.resolve(NOTHING)), [api, query, page]);
  const found = useApiData(load);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPage(0);
    setQuery(typed.trim());
  };

  return (
    <Card component="section" aria-labelledby="subjects-search-title" sx={{ mb: 2 }}>
      <Box sx={{ p: 2.5 }}>
        <CardHeading
          id="subjects-search-title"
          icon={PersonSearchOutlined}
          title={translate('vigie.subjects.search.title')}
          explanation={translate('vigie.subjects.search.explanation')}
        />
        <Stack component="form" direction="row" spacing={1} onSubmit={submit} role="search" sx={{ mt: 2, maxWidth: 560 }}>
          <TextField
            size="small"
            fullWidth
            label={translate('vigie.subjects.search.label')}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 128, 'data-testid': 'subjects-search-input' } }}
          />
          <Button type="submit" variant="contained" disabled={typed.trim() === ''}>
            {translate('vigie.subjects.search.submit')}
          </Button>
        </Stack>
        {query && found.isPending && <LinearProgress sx={{ mt: 2, borderRadius: 2 }} />}
        {found.error !== null && <LoadFailedAlert error={found.error} messageKey="vigie.subjects.load_failed" />}
        {query && found.data && found.error === null && (
          <Box sx={{ mt: 2 }}>
            {found.data.total === 0 ? (
              <Typography variant="body2" color="text.secondary" data-testid="subjects-none">
                {translate('vigie.subjects.search.none', { q: query })}
              </Typography>
            ) : (
              <>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  {translate('vigie.subjects.search.total', { smart_count: found.data.total })}
                </Typography>
                <PagedTable
                  label={translate('vigie.subjects.search.title')}
                  columns={[
                    { key: 'externalId', label: translate('vigie.subjects.fields.external_id') },
                    { key: 'displayName', label: translate('vigie.subjects.fields.display_name') },
                    { key: 'asReporter', label: translate('vigie.subjects.fields.as_reporter'), sx: { textAlign: 'right' } },
                    { key: 'asReported', label: translate('vigie.subjects.fields.as_reported'), sx: { textAlign: 'right' } },
                  ]}
                  paging={{ total: found.data.total, page, perPage: PER_PAGE, onPageChange: setPage, messages: 'vigie.subjects.search.paging' }}
                >
                  {found.data.data.map((person) => {
                    const name = person.displayName ?? translate('vigie.subjects.no_name');
                    return (
                      <TableRow
                        key={person.externalId}
                        hover
                        selected={person.externalId === selected}
                        onClick={() => onSelect(person.externalId)}
                        onKeyDown={(event) => {
                          if (event.key === 'Enter' || event.key === ' ') {
                            event.preventDefault();
                            onSelect(person.externalId);
                          }
                        }}
                        tabIndex={0}
                        role="button"
                        aria-label={translate('vigie.subjects.search.open', { name })}
                        data-testid={`subject-${person.externalId}`}
                        sx={{ cursor: 'pointer' }}
                      >
                        <TableCell sx={{ fontFamily: MONOSPACE, fontSize: '0.8125rem' }}>{person.externalId}</TableCell>
                        <TableCell>{name}</TableCell>
                        <TableCell sx={{ textAlign: 'right' }}>{formatCount(person.casesAsReporter, locale)}</TableCell>
                        <TableCell sx={{ textAlign: 'right' }}>{formatCount(person.casesAsReported, locale)}</TableCell>
                      </TableRow>
                    );
                  })}
                </PagedTable>
              </>
            )}
          </Box>
        )}
      </Box>
    </Card>
  );
};
