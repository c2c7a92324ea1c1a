import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import HighlightOffOutlined from '@mui/icons-material/HighlightOffOutlined';
import { Box, Stack, Typography } from '@mui/material';
import type { BulkResult } from '@vigie/contracts';
import { useTranslate } from 'react-admin';
import { MONOSPACE, shortId } from '../common/format';
import { refusalKeyOfCode } from '../common/refusals';

interface BulkResultViewProps {
  result: BulkResult;
  /** What to call each case: the reported user's name when the queue shows it. */
  nameOf: (caseId: string) => string | undefined;
}

/** How a bulk action went: how many cases went through, and why the others were refused. */
export const BulkResultView = ({ result, nameOf }: BulkResultViewProps) => {
  const translate = useTranslate();
  const refused = result.results.filter((item) => !item.ok);
  return (
    <Box data-testid="bulk-result">
      <Stack direction="row" spacing={3} sx={{ mb: refused.length > 0 ? 2 : 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'success.main' }}>
          <CheckCircleOutlined aria-hidden />
          <Typography sx={{ fontWeight: 700 }} data-testid="bulk-succeeded">
            {translate('vigie.decisions.bulk.done', { smart_count: result.succeeded })}
          </Typography>
        </Stack>
        {result.failed > 0 && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'error.main' }}>
            <HighlightOffOutlined aria-hidden />
            <Typography sx={{ fontWeight: 700 }} data-testid="bulk-failed">
              {translate('vigie.decisions.bulk.refused', { smart_count: result.failed })}
            </Typography>
          </Stack>
        )}
      </Stack>
      {refused.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
            {translate('vigie.decisions.bulk.refused_title')}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {refused.map((item) => {
              const key = refusalKeyOfCode(item.code);
              return (
                <Typography
                  component="li"
                  variant="body2"
                  key={item.caseId}
                  data-case={item.caseId}
                  sx={{ mb: 0.5 }}
                >
                  <Box component="span" sx={{ fontWeight: 600 }}>
                    {nameOf(item.caseId) ?? (
                      <Box component="span" sx={{ fontFamily: MONOSPACE }} title={item.caseId}>
                        {translate('vigie.decisions.bulk.case', { case: shortId(item.caseId) })}
                      </Box>
                    )}
                  </Box>
                  {' — '}
                  {key
                    ? translate(key)
                    : translate('vigie.decisions.refusals.failed', { message: item.code ?? '?' })}
                </Typography>
              );
            })}
          </Box>
        </>
      )}
    </Box>
  );
};
