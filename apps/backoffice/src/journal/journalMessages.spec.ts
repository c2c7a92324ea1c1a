import { STAFF_ACTIVITY_EVENTS } from "@vigie/contracts";
import { en } from "../i18n/en";
import { fr } from "../i18n/fr";
import { eventKey } from "./eventKey";

const labels = (catalogue: typeof fr | typeof en): Record<string, unknown> =>
  catalogue.vigie.journal.events;

describe("the staff journal messages", () => {
  // An event added to the contracts must not reach the DPO as a raw key.
  it.each(STAFF_ACTIVITY_EVENTS)(
    "name %s in French and in English",
    (event) => {
      expect(typeof labels(fr)[eventKey(event)]).toBe("string");
      expect(typeof labels(en)[eventKey(event)]).toBe("string");
      expect(labels(en)[eventKey(event)]).not.toEqual(
        labels(fr)[eventKey(event)],
      );
    },
  );

  it("has no label for an event the contracts do not declare", () => {
    const declared: string[] = STAFF_ACTIVITY_EVENTS.map(eventKey);
    expect(
      Object.keys(labels(fr)).filter((key) => !declared.includes(key)),
    ).toEqual([]);
    expect(
      Object.keys(labels(en)).filter((key) => !declared.includes(key)),
    ).toEqual([]);
  });
});
