/** The queue's saved views: each is a whole filter, chosen in one click. */
export const QUICK_VIEWS = [
  { id: 'all_open', filter: {} },
  { id: 'mine', filter: { mine: true } },
  { id: 'unassigned', filter: { unassigned: true } },
  { id: 'minor_safety', filter: { category: ['minor_safety'] } },
] as const satisfies readonly { id: string; filter: Record<string, unknown> }[];

export type QuickView = (typeof QUICK_VIEWS)[number];
export type QuickViewId = QuickView['id'];

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

// Filters round-trip through the URL: `true` may come back as 'true', one category as a string.
const normalise = (filter: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(filter)
      .filter(([, value]) => !isEmpty(value))
      .map(([key, value]) => [key, Array.isArray(value) ? value.map(String).sort().join(',') : String(value)])
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** The view whose filter is exactly the list's, or undefined when the filters are the user's own. */
export const activeQuickView = (filter: Record<string, unknown>): QuickViewId | undefined => {
  const current = JSON.stringify(normalise(filter));
  return QUICK_VIEWS.find((view) => JSON.stringify(normalise(view.filter)) === current)?.id;
};
