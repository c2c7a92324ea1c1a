/** Messages of the register screens, French first (the reference shape), then English. */
const fr = {};

type MessagesOf<T> = { [K in keyof T]: T[K] extends string ? string : MessagesOf<T[K]> };

const en: MessagesOf<typeof fr> = {};

export const registerMessages = { fr, en };
