// No 0/O, 1/l/I: the password is read aloud or copied by hand to whoever receives it.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GROUPS = 4;
const GROUP_LENGTH = 5;

type RandomSource = (bytes: Uint8Array) => Uint8Array;
const cryptoRandom: RandomSource = (bytes) => crypto.getRandomValues(bytes);

/**
 * A random initial password in groups easy to pass on ("k7QmT-x3PrZ-…"): 20 characters
 * from 55, about 115 bits. Bytes past the largest multiple of the alphabet are drawn
 * again so that every character is equally likely.
 */
export const generatePassword = (random: RandomSource = cryptoRandom): string => {
  const limit = 256 - (256 % ALPHABET.length);
  const chars: string[] = [];
  while (chars.length < GROUPS * GROUP_LENGTH) {
    for (const byte of random(new Uint8Array(32))) {
      if (byte < limit && chars.length < GROUPS * GROUP_LENGTH) chars.push(ALPHABET[byte % ALPHABET.length]);
    }
  }
  return Array.from({ length: GROUPS }, (_, group) =>
    chars.slice(group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH).join(''),
  ).join('-');
};
