// A translation has the shape of the French catalogue, with strings of its own.
export type MessagesOf<T> = { [K in keyof T]: T[K] extends string ? string : MessagesOf<T[K]> };
