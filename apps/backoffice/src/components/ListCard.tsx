import type SvgIcon from '@mui/material/SvgIcon';
import { Box, Card, LinearProgress, Typography } from '@mui/material';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCount } from '../common/format';
import type { ApiDataState } from '../common/useApiData';
import { CardHeading } from './CardHeading';
import { LoadFailedAlert } from './LoadFailedAlert';

interface ListPage<T> {
  data: readonly T[];
  total: number;
}

interface ListCardProps<T> {
  /** The heading's id, for the card's `aria-labelledby`. */
  id: string;
  icon: typeof SvgIcon;
  title: string;
  explanation: ReactNode;
  /** What `useApiData` holds: once answered, a page of the list and the total. */
  answer: ApiDataState<ListPage<T>>;
  /** Where `total` (with `%{count}` formatted and `smart_count`) and `none` are. */
  messages: string;
  /** The total's test id. */
  totalTestId: string;
  /** Between the heading and the list: its filters. */
  toolbar?: ReactNode;
  /** The sentence of a failed load, with `%{message}`. */
  errorKey?: string;
  /** What to say when the list came back empty, instead of `${messages}.none`. */
  emptyKey?: string;
  emptyTestId?: string;
  /** The list (a PagedTable), drawn once it has rows. */
  table: (list: ListPage<T>) => ReactNode;
  /** Room under the heading; by default, less above a table. */
  headingSpace?: number;
  sx?: SxProps<Theme>;
  /** Below the card's list: its dialogs. */
  children?: ReactNode;
}

/** A card that lists what the API answered: heading and total, load failure, progress, empty, table. */
export const ListCard = <T,>({
  id,
  icon,
  title,
  explanation,
  answer: { data: list, error, isPending },
  messages,
  totalTestId,
  toolbar,
  errorKey,
  emptyKey,
  emptyTestId,
  table,
  headingSpace,
  sx,
  children,
}: ListCardProps<T>) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const loaded = list !== null && error === null;
  const rows = loaded && list.data.length > 0 ? list : null;
  return (
    <Card
      component="section"
      aria-labelledby={id}
      sx={[{ overflow: 'hidden' }, ...(Array.isArray(sx) ? sx : [sx])]}
    >
      <Box sx={{ p: 2.5, pb: headingSpace ?? (rows ? 1.5 : 2.5) }}>
        <CardHeading
          id={id}
          icon={icon}
          title={title}
          explanation={explanation}
          action={
            list && (
              <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid={totalTestId}>
                {translate(`${messages}.total`, {
                  smart_count: list.total,
                  count: formatCount(list.total, locale),
                })}
              </Typography>
            )
          }
        />
        {toolbar}
        {error !== null && <LoadFailedAlert error={error} messageKey={errorKey} />}
        {isPending && <LinearProgress sx={{ mt: 2, borderRadius: 2 }} aria-hidden />}
        {loaded && !rows && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} data-testid={emptyTestId}>
            {translate(emptyKey ?? `${messages}.none`)}
          </Typography>
        )}
      </Box>
      {rows && table(rows)}
      {children}
    </Card>
  );
};
