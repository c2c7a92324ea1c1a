import { justificationLength, storableText } from './gate';

describe('justificationLength', () => {
  it.each([
    ['Vérifier le message', 17],
    ['n°2 — 🙂 !!', 2],
    ['\u200b\u200b\u2800\u202e ok', 2],
    ['ｖｅｒｉｆ', 5], // full-width letters, NFKC
    ['проверка 12', 10],
  ])('counts the letters and digits of %j: %i', (text, count) => {
    expect(justificationLength(text)).toBe(count);
  });
});

describe('storableText', () => {
  it('turns U+0000 into U+FFFD and leaves the rest as typed', () => {
    expect(storableText('a\u0000b\u0000')).toBe('a\ufffdb\ufffd');
    expect(storableText('déjà vu')).toBe('déjà vu');
  });
});
