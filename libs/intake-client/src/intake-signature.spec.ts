import { signatureHeader, verifySignature } from './intake-signature';

describe('verifySignature', () => {
  const body = Buffer.from('{"externalId":"rep_1"}');
  const now = 1_795_000_000;
  const secrets = ['current-secret-0123456789', 'previous-secret-0123456789'];

  it('accepts a signature by the current or the previous secret', () => {
    expect(verifySignature(body, signatureHeader(secrets[0], now, body), secrets, now)).toBe('ok');
    expect(verifySignature(body, signatureHeader(secrets[1], now, body), secrets, now)).toBe('ok');
  });

  it('refuses another secret, a changed byte, a missing or malformed header', () => {
    expect(verifySignature(body, signatureHeader('another-secret-0123456789', now, body), secrets, now)).toBe('mismatch');
    const changed = Buffer.from('{"externalId":"rep_2"}');
    expect(verifySignature(changed, signatureHeader(secrets[0], now, body), secrets, now)).toBe('mismatch');
    expect(verifySignature(body, undefined, secrets, now)).toBe('missing');
    expect(verifySignature(body, 'v1=abc', secrets, now)).toBe('malformed');
    expect(verifySignature(body, `t=${now},v1=nothex`, secrets, now)).toBe('malformed');
  });

  it('allows 300 s of clock difference, not 301', () => {
    for (const skew of [-300, 299, 300]) expect(verifySignature(body, signatureHeader(secrets[0], now + skew, body), secrets, now)).toBe('ok');
    for (const skew of [-301, 301]) expect(verifySignature(body, signatureHeader(secrets[0], now + skew, body), secrets, now)).toBe('expired');
  });
});
