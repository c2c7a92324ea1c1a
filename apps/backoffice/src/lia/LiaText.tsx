import { Box, Typography } from '@mui/material';

/**
 * The assessment's text, as the DPO wrote it: `#` lines as headings, `-` lines as list items,
 * the rest as paragraphs. Plain text only: nothing of it is read as HTML.
 */
export const LiaText = ({ text }: { text: string }) => (
  <Box data-testid="lia-text" sx={{ '& > *:first-of-type': { mt: 0 } }}>
    {text.split('\n').map((line, i) => {
      const key = `${i}-${line}`;
      if (/^#{1,2}\s/.test(line)) {
        const level = line.startsWith('## ') ? 'subtitle1' : 'h6';
        return (
          <Typography key={key} component={level === 'h6' ? 'h3' : 'h4'} variant={level} sx={{ fontWeight: 700, mt: 2 }}>
            {line.replace(/^#+\s/, '')}
          </Typography>
        );
      }
      if (/^-\s/.test(line)) {
        return (
          <Typography key={key} component="div" variant="body2" sx={{ pl: 2, textIndent: '-0.9em', mt: 0.25 }}>
            • {line.slice(2)}
          </Typography>
        );
      }
      if (line.trim() === '') return <Box key={key} sx={{ height: 8 }} />;
      return (
        <Typography key={key} variant="body2">
          {line}
        </Typography>
      );
    })}
  </Box>
);
