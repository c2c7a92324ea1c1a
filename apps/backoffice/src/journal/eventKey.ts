import type { StaffActivityEvent } from "@vigie/contracts";

type Underscored<S extends string> = S extends `${infer Head}.${infer Tail}`
  ? `${Head}_${Underscored<Tail>}`
  : S;

/** An event's message key: i18n keys are dot paths, so the event's dots become underscores. */
export type EventKey = Underscored<StaffActivityEvent>;

export const eventKey = (event: StaffActivityEvent): EventKey =>
  event.replace(/\./g, "_") as EventKey;

/** The message of an event's label. */
export const eventLabel = (event: StaffActivityEvent): string =>
  `vigie.journal.events.${eventKey(event)}`;
