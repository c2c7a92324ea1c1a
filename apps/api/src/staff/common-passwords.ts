/**
 * Passwords that are long enough yet among the first tried by anyone guessing (frequent
 * entries of public breach lists at 12 characters or more, and the product's own words).
 * Compared case-insensitively.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456123456', '111111111111', '000000000000',
  '123123123123', '123412341234', '987654321098', 'qwertyuiopas', 'qwertyuiop123', 'qwerty123456',
  'azertyuiop123', 'azertyuiopqs', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3', 'qazwsxedcrfv',
  'passwordpassword', 'password1234', 'password12345', 'password123456', 'password1234!', 'passw0rd1234',
  'p@ssw0rd1234', 'motdepasse123', 'motdepasse1234', 'motdepasse!123', 'iloveyou1234', 'iloveyou123456',
  'jetaime123456', 'soleil123456', 'bonjour123456', 'football1234', 'baseball1234', 'superman1234',
  'princess1234', 'sunshine1234', 'welcome12345', 'welcome123456', 'letmein12345', 'trustno1trustno1',
  'administrator', 'administrateur', 'admin1234567', 'admin123456789', 'changeme1234', 'changeme123456',
  'moderator123', 'moderateur123', 'vigie1234567', 'vigievigie12', 'correcthorsebatterystaple',
  'aaaaaaaaaaaa', 'abcdefghijkl', 'abcdef123456', 'abc123abc123', 'azerty123456', 'azertyazerty',
  'qwertyqwerty', 'dragon123456', 'monkey123456', 'shadow123456', 'master123456', 'michael12345',
]);
