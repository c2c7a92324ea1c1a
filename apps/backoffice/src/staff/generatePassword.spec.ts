import { PASSWORD_MIN_LENGTH } from '@vigie/contracts';
import { generatePassword } from './generatePassword';

describe('generatePassword', () => {
  it('makes four groups of five unambiguous characters, longer than the policy asks', () => {
    const password = generatePassword();

    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
    expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
  });

  it('differs every time', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => generatePassword()));

    expect(passwords.size).toBe(50);
  });

  it('draws again the bytes that would favour the first characters', () => {
    // 55 characters: bytes from 220 (4 × 55) up would wrap onto a…e and make them likelier.
    const bytes = [250, 221, 220, 0, 1, 54];
    let call = 0;
    const random = (buffer: Uint8Array) => {
      buffer.fill(call++ === 0 ? 255 : 0);
      bytes.forEach((byte, index) => {
        if (call === 1) buffer[index] = byte;
      });
      return buffer;
    };

    const password = generatePassword(random).replace(/-/g, '');

    // 250, 221 and 220 were skipped; 0 → 'a', 1 → 'b', 54 → '9'; the rest of the first draw was 255 (skipped).
    expect(password.slice(0, 3)).toBe('ab9');
    expect(password.slice(3)).toBe('a'.repeat(17));
  });
});
