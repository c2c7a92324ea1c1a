import CheckOutlined from '@mui/icons-material/CheckOutlined';
import {
  Box,
  Card,
  CardContent,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import type { UpcomingScreenDefinition } from './screens';
import { IconBadge } from '../components/IconBadge';

const ITEMS = ['item_1', 'item_2', 'item_3'] as const;

interface UpcomingScreenProps {
  screen: UpcomingScreenDefinition;
}

/**
 * The empty state of a screen whose data is not wired yet: it says what the
 * screen is for, so the route and the menu entry can ship before the screen.
 */
export const UpcomingScreen = ({ screen }: UpcomingScreenProps) => {
  const translate = useTranslate();
  const { id, icon: Icon } = screen;
  const message = (key: string) => translate(`vigie.screens.${id}.${key}`);

  return (
    <Box sx={{ maxWidth: 820 }}>
      <Title title={`vigie.screens.${id}.title`} />
      <Card>
        <CardContent sx={{ p: { xs: 3, md: 4 } }}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
            <IconBadge size={56}>
              <Icon />
            </IconBadge>
            <Box>
              <Typography component="h1" variant="h5">
                {message('title')}
              </Typography>
              <Typography color="text.secondary" sx={{ mt: 0.5 }}>
                {message('summary')}
              </Typography>
              <Typography variant="subtitle2" sx={{ mt: 3 }}>
                {translate('vigie.screens.will_show')}
              </Typography>
              <List dense disablePadding sx={{ mt: 0.5 }}>
                {ITEMS.map((item) => (
                  <ListItem key={item} disableGutters sx={{ alignItems: 'flex-start' }}>
                    <ListItemIcon sx={{ minWidth: 30, mt: '6px', color: 'secondary.main' }}>
                      <CheckOutlined fontSize="small" />
                    </ListItemIcon>
                    <ListItemText primary={message(item)} />
                  </ListItem>
                ))}
              </List>
            </Box>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
