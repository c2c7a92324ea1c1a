import { en } from './en';
import { fr } from './fr';

type Tree = { [key: string]: string | Tree };

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null;

const keyPaths = (tree: unknown, prefix = ''): string[] =>
  isTree(tree)
    ? Object.entries(tree).flatMap(([key, value]) =>
        isTree(value) ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
      )
    : [];

const messageAt = (tree: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, part) => (isTree(node) ? node[part] : undefined), tree);

describe('message catalogues', () => {
  const frKeys = keyPaths(fr).sort();
  const enKeys = keyPaths(en).sort();

  it('have exactly the same keys in French and English, at every depth', () => {
    expect(enKeys.filter((key) => !frKeys.includes(key))).toEqual([]);
    expect(frKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
  });

  it("carry the product's own messages next to react-admin's", () => {
    expect(frKeys).toEqual(expect.arrayContaining(['ra.action.save', 'vigie.login.notice']));
    expect(frKeys.filter((key) => key.startsWith('vigie.')).length).toBeGreaterThan(50);
  });

  it('have no empty message of our own', () => {
    const emptyIn = (catalogue: unknown): string[] =>
      keyPaths(catalogue)
        .filter((path) => path.startsWith('vigie.'))
        .filter((path) => String(messageAt(catalogue, path) ?? '').trim() === '');
    expect(emptyIn(fr)).toEqual([]);
    expect(emptyIn(en)).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    // Only our own messages: react-admin's plural forms repeat variables by design.
    const variables = (tree: unknown, path: string): string[] => {
      const node = messageAt(tree, path);
      return typeof node === 'string'
        ? [...new Set([...node.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]))].sort()
        : [];
    };
    for (const key of frKeys.filter((path) => path.startsWith('vigie.')))
      expect([key, variables(en, key)]).toEqual([key, variables(fr, key)]);
  });
});
