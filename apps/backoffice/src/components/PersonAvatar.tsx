import { Avatar } from '@mui/material';
import { alpha } from '@mui/material/styles';

/** Initials for an avatar: "Camille Martin" → "CM", "Jean-Luc" → "JL". */
export const initialsOf = (name: string): string =>
  name
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toLocaleUpperCase() ?? '')
    .join('');

interface PersonAvatarProps {
  name: string;
  size?: number;
  muted?: boolean;
}

export const PersonAvatar = ({ name, size = 32, muted = false }: PersonAvatarProps) => (
  <Avatar
    aria-hidden
    sx={(theme) => ({
      width: size,
      height: size,
      fontSize: size * 0.4,
      fontWeight: 600,
      bgcolor: alpha(theme.palette.primary.main, muted ? 0.06 : 0.12),
      color: muted ? 'text.secondary' : 'primary.dark',
    })}
  >
    {initialsOf(name)}
  </Avatar>
);
