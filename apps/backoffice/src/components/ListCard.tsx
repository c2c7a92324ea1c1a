import type SvgIcon from '@mui/material/SvgIcon';
import { Box, Card, LinearProgress, Typography } from '@mui/material';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCount } from '../common/format';
import { CardHeading } from './CardHeading';
import { LoadFailedAlert } from './LoadFailedAlert';

interface ListCardProps {
  /** The heading's id, for the card's `aria-labelledby`. */
  id: string;
  icon: typeof SvgIcon;
  title: string;
  explanation: ReactNode;
  /** Beside the title, once known: the total, said by `messageKey` (`%{count}` formatted, `smart_count`). */
  total?: { value: number; messageKey: string; testId: string };
  /** Between the heading and the list: its filters. */
  toolbar?: ReactNode;
  error: unknown;
  /** The sentence of a failed load, with `%{message}`. */
  errorKey?: string;
  isPending: boolean;
  /** What to say when the list came back empty; nothing while loading or failed. */
  empty?: ReactNode;
  emptyTestId?: string;
  /** The list (a PagedTable), once it has rows. */
  table?: ReactNode;
  /** Room under the heading; by default, less above a table. */
  headingSpace?: number;
  sx?: SxProps<Theme>;
  /** Below the card's list: its dialogs. */
  children?: ReactNode;
}

/** A card that lists what the API answered: heading and total, load failure, progress, empty, table. */
export const ListCard = ({
  id,
  icon,
  title,
  explanation,
  total,
  toolbar,
  error,
  errorKey,
  isPending,
  empty,
  emptyTestId,
  table,
  headingSpace,
  sx,
  children,
}: ListCardProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Card
      component="section"
      aria-labelledby={id}
      sx={[{ overflow: 'hidden' }, ...(Array.isArray(sx) ? sx : [sx])]}
    >
      <Box sx={{ p: 2.5, pb: headingSpace ?? (table ? 1.5 : 2.5) }}>
        <CardHeading
          id={id}
          icon={icon}
          title={title}
          explanation={explanation}
          action={
            total && (
              <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid={total.testId}>
                {translate(total.messageKey, {
                  smart_count: total.value,
                  count: formatCount(total.value, locale),
                })}
              </Typography>
            )
          }
        />
        {toolbar}
        {error !== null && <LoadFailedAlert error={error} messageKey={errorKey} />}
        {isPending && <LinearProgress sx={{ mt: 2, borderRadius: 2 }} aria-hidden />}
        {empty && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} data-testid={emptyTestId}>
            {empty}
          </Typography>
        )}
      </Box>
      {table}
      {children}
    </Card>
  );
};
