import { render, screen, waitFor } from "@testing-library/react";
import type {
  SessionResponse,
  StaffActivityEntry,
  StaffRole,
} from "@vigie/contracts";
import { MemoryRouter } from "react-router";
import { App } from "../App";
import { authProvider } from "../providers/authProvider";
import { createFetchMock, jsonReply } from "../testing/fakeFetch";

const fetchMock = createFetchMock();

const sessionOf = (roles: StaffRole[]): SessionResponse => ({
  user: { id: "st_1", email: "ines@vigie.test", name: "Inès Dubois", roles },
  csrfToken: "csrf-1",
  mfaEnrolmentRequired: false,
  mfaEnabled: true,
});

const anEntry = (
  overrides: Partial<StaffActivityEntry> = {},
): StaffActivityEntry => ({
  sequence: 42,
  at: "2026-12-01T09:30:00.000Z",
  event: "staff.roles_changed",
  actor: { id: "00000000-0000-4000-8000-000000000001", name: "Nadia Haddad" },
  subject: {
    id: "00000000-0000-4000-8000-000000000002",
    name: "Camille Moreau",
  },
  ip: "203.0.113.7",
  userAgent: "Firefox",
  details: { from: ["moderator"], to: ["lead"] },
  hash: "ab".repeat(32),
  ...overrides,
});

const journalCalls = () =>
  fetchMock.mock.calls
    .map(([input]) => String(input))
    .filter((url) => url.startsWith("/api/v1/audit/staff-activity"));

const signInAs = (roles: StaffRole[]) =>
  fetchMock.mockImplementation(async (input) => {
    const url = new URL(String(input), "http://vigie.test");
    if (url.pathname === "/api/v1/auth/me")
      return jsonReply(200, sessionOf(roles));
    if (url.pathname === "/api/v1/auth/logout") return jsonReply(204);
    if (url.pathname === "/api/v1/audit/staff-activity") {
      return jsonReply(200, {
        data: [
          anEntry(),
          anEntry({
            sequence: 41,
            event: "login.failed",
            actor: null,
            subject: null,
          }),
        ],
        total: 2,
      });
    }
    if (url.pathname === "/api/v1/audit/staff")
      return jsonReply(200, { data: [] });
    return jsonReply(404, {
      statusCode: 404,
      error: "Not Found",
      message: "No route",
    });
  });

const openJournal = () =>
  render(
    <MemoryRouter initialEntries={["/journal"]}>
      <App />
    </MemoryRouter>,
  );

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  localStorage.clear();
});

afterEach(async () => {
  await authProvider.logout({});
});

describe("the staff journal route", () => {
  it("is refused to an admin, who never reaches the journal API", async () => {
    signInAs(["admin"]);
    openJournal();

    expect(
      await screen.findByText(
        /Vous n'avez pas les droits d'accès à cette page/,
      ),
    ).toBeTruthy();
    expect(journalCalls()).toEqual([]);
  });

  it("shows the DPO each entry with its action in words, who acted and the account concerned", async () => {
    signInAs(["dpo"]);
    openJournal();

    expect(
      await screen.findByRole("heading", {
        name: "Journal du personnel",
        level: 1,
      }),
    ).toBeTruthy();
    expect(await screen.findByText("Rôles modifiés")).toBeTruthy();
    expect(screen.getByText("Échec de connexion")).toBeTruthy();
    expect(screen.getByText("Nadia Haddad")).toBeTruthy();
    expect(screen.getByText("Camille Moreau")).toBeTruthy();
    expect(screen.getByText("Système ou inconnu")).toBeTruthy();
    expect(screen.getByText("2 entrées")).toBeTruthy();
    await waitFor(() =>
      expect(
        journalCalls().some(
          (url) => url.includes("sort=sequence") && url.includes("order=DESC"),
        ),
      ).toBe(true),
    );
  });
});
