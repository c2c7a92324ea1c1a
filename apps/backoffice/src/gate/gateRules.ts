import {
  type CaseDetail,
  type CaseListItem,
  type CaseParticipant,
  type CaseReport,
  type ConversationMessage,
  justificationLength,
  MIN_JUSTIFICATION_LENGTH,
  type StaffRole,
} from '@vigie/contracts';

/** Coming from the queue, the page first holds the list's row: no reports to choose from yet. */
export const hasCaseDetails = (record: CaseListItem | CaseDetail): record is CaseDetail =>
  'reports' in record &&
  Array.isArray(record.reports) &&
  'participants' in record &&
  Array.isArray(record.participants);

/** Why the open button is disabled, each with a sentence under `vigie.gate.button.reasons`. */
export type GateBlock = 'loading' | 'closed' | 'no_reports' | 'unassigned' | 'assigned_elsewhere';
export type GateVerdict = { open: true } | { open: false; block: GateBlock };

/**
 * Whether the signed-in staff member may ask for access, mirroring the API's rules so the
 * button says why before the gate refuses: the case is not closed, and they are its assignee
 * or a lead. The API decides in the end (and records refusals).
 */
export const gateVerdict = (
  record: CaseListItem | CaseDetail,
  selfId: string | undefined,
  roles: readonly StaffRole[] | undefined,
): GateVerdict => {
  if (record.status === 'closed') return { open: false, block: 'closed' };
  if (!hasCaseDetails(record) || selfId === undefined || roles === undefined)
    return { open: false, block: 'loading' };
  if (record.reports.length === 0) return { open: false, block: 'no_reports' };
  if (roles.includes('lead') || record.assignee?.id === selfId) return { open: true };
  return { open: false, block: record.assignee ? 'assigned_elsewhere' : 'unassigned' };
};

// The length the API checks (letters and digits), as the contracts count it.
export { justificationLength };

export interface AccessDraft {
  reportIds: readonly string[];
  justification: string;
}

export interface DraftProblems {
  noReport: boolean;
  /** How many characters the justification still lacks; 0 when long enough. */
  missingCharacters: number;
}

/** What the gate would refuse in a request, checked before sending it. */
export const draftProblems = ({ reportIds, justification }: AccessDraft): DraftProblems => ({
  noReport: reportIds.length === 0,
  missingCharacters: Math.max(0, MIN_JUSTIFICATION_LENGTH - justificationLength(justification)),
});

export const isDraftValid = (problems: DraftProblems): boolean =>
  !problems.noReport && problems.missingCharacters === 0;

/** "14:05" for what is left of a grant, rounded up so "00:00" means it is over. */
export const formatCountdown = (remainingMs: number): string => {
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
};

/** Under two minutes left, the countdown warns. */
export const COUNTDOWN_WARNING_MS = 2 * 60_000;

/**
 * When a grant ends on this browser's clock. `expiresAt` is the server's time: a computer
 * whose clock is behind would otherwise keep messages on screen after the grant ended, so
 * the answer's `Date` header (the server's now) corrects the skew when there is one.
 */
export const localDeadline = (expiresAt: string, serverDate: string | null, receivedAt: number): number => {
  const expires = Date.parse(expiresAt);
  const serverNow = serverDate === null ? Number.NaN : Date.parse(serverDate);
  return Number.isNaN(serverNow) ? expires : expires - (serverNow - receivedAt);
};

/** Where a message sits: the reported person on one side, everyone else on the other. */
export type MessageSide = 'reported' | 'other';

export interface ThreadItem {
  message: ConversationMessage;
  side: MessageSide;
  author: CaseParticipant | undefined;
  /** The first message of a run by the same author: it carries the author's name and avatar. */
  startsRun: boolean;
  /** The first message of a calendar day (local time): a day separator goes above it. */
  startsDay: boolean;
  /** The case's reports that point at this message. */
  reports: CaseReport[];
}

// The API may name authors by Vigie's id or the platform's: either matches.
const matches = (participant: CaseParticipant, authorId: string) =>
  participant.id === authorId || participant.externalId === authorId;

const dayOf = (iso: string): string => new Date(iso).toDateString();

/** The messages as the viewer lays them out: sides, runs, days, and what was reported. */
export const threadOf = (
  messages: readonly ConversationMessage[],
  participants: readonly CaseParticipant[],
  reports: readonly CaseReport[],
): ThreadItem[] => {
  const reported = reports.map((report) => report.reported);
  return messages.map((message, index) => {
    const previous = index > 0 ? messages[index - 1] : undefined;
    const pointing = reports.filter(
      (report) =>
        message.reportIds.includes(report.id) || report.reportedMessageIds.includes(message.externalId),
    );
    return {
      message,
      side: reported.some((person) => matches(person, message.authorId)) ? 'reported' : 'other',
      author: participants.find((person) => matches(person, message.authorId)),
      startsRun:
        previous === undefined ||
        previous.authorId !== message.authorId ||
        dayOf(previous.sentAt) !== dayOf(message.sentAt),
      startsDay: previous === undefined || dayOf(previous.sentAt) !== dayOf(message.sentAt),
      reports: pointing,
    };
  });
};

/** A message counts as reported when a report points at it, even one the case has not loaded. */
export const isReported = (item: ThreadItem): boolean =>
  item.reports.length > 0 || item.message.reportIds.length > 0;

/** The comment of a report cut to a line or two for the request dialog. */
export const excerpt = (text: string, max = 140): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
};
