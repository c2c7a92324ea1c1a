import {
  type CaseEvent,
  DECISION_ACTIONS,
  GRANT_SCOPES,
  type GrantScope,
  REPORT_CATEGORIES,
  type ReportCategory,
} from '@vigie/contracts';

/** The event types the timeline has words and an icon for; others show their raw type. */
export const KNOWN_EVENT_TYPES = [
  'case_opened',
  'report_added',
  'assigned',
  'unassigned',
  'claimed',
  'status_changed',
  'note_added',
  'decision_made',
  'legal_hold_placed',
  'legal_hold_lifted',
  'conversation_accessed',
  'closed',
  'reopened',
  'retention_closed',
  'decision',
  'decision_proposed',
  'decision_approved',
  'decision_rejected',
  'appealed',
  'appeal_opened',
  'appeal_decided',
] as const;
export type KnownEventType = (typeof KNOWN_EVENT_TYPES)[number];

export interface DescribedEvent {
  /** The event's kind for its icon and colour: a known type, or 'other'. */
  kind: KnownEventType | 'other';
  /** The i18n key of the sentence. */
  messageKey: string;
  /**
   * What the sentence interpolates. `actor` is the caller's to fill (it needs translating when
   * absent). Counts stay numbers: polyglot picks a plural form from `smart_count` as a number.
   */
  params: Record<string, string | number>;
  /** Where the event leads, when it names another page (an appeal's case). */
  link?: { to: string; labelKey: string };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isKnownType = (type: string): type is KnownEventType =>
  (KNOWN_EVENT_TYPES as readonly string[]).includes(type);

const isScope = (value: unknown): value is GrantScope =>
  typeof value === 'string' && (GRANT_SCOPES as readonly string[]).includes(value);

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

const isCategory = (value: unknown): value is ReportCategory =>
  typeof value === 'string' && (REPORT_CATEGORIES as readonly string[]).includes(value);

const RECORD_ACTIONS: readonly string[] = [...DECISION_ACTIONS, 'appeal_upheld', 'appeal_overturned'];

/** A decision's action as the event records it; the caller translates it (`vigie.decisions.actions`). */
const actionOf = (value: unknown): string | undefined =>
  typeof value === 'string' && RECORD_ACTIONS.includes(value) ? value : undefined;

const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Decisions taken, proposed or approved: the measure, and a suspension's length. */
const describeDecision = (
  kind: 'decision' | 'decision_proposed' | 'decision_approved',
  data: Record<string, unknown>,
): DescribedEvent => {
  const action = actionOf(data.action);
  if (!action) return { kind, messageKey: 'vigie.cases.timeline.decision_made', params: {} };
  const days = data.durationDays;
  if (typeof days === 'number' && Number.isInteger(days) && days > 0)
    return {
      kind,
      messageKey: `vigie.decisions.timeline.${kind}_days`,
      params: { action, smart_count: days },
    };
  return { kind, messageKey: `vigie.decisions.timeline.${kind}`, params: { action } };
};

/**
 * The assignee an event names. The API records only `data.assigneeId`: its name comes from
 * `staffNames` (the assignees list); a name the API may add later (`assigneeName`) wins.
 */
export const assigneeNameOf = (
  data: Record<string, unknown>,
  staffNames: ReadonlyMap<string, string>,
): string | undefined => {
  if (typeof data.assigneeName === 'string') return data.assigneeName;
  return typeof data.assigneeId === 'string' ? staffNames.get(data.assigneeId) : undefined;
};

/** What a timeline entry says: its sentence's key and the values it needs. */
export const describeEvent = (
  event: CaseEvent,
  staffNames: ReadonlyMap<string, string> = new Map(),
): DescribedEvent => {
  const data = isRecord(event.data) ? event.data : {};
  if (!isKnownType(event.type)) {
    return { kind: 'other', messageKey: 'vigie.cases.timeline.other', params: { type: event.type } };
  }
  const kind = event.type;
  if (kind === 'report_added' || kind === 'case_opened') {
    const category = isCategory(data.category) ? data.category : undefined;
    return category
      ? { kind, messageKey: `vigie.cases.timeline.${kind}_category`, params: { category } }
      : { kind, messageKey: `vigie.cases.timeline.${kind}`, params: {} };
  }
  if (kind === 'assigned') {
    const assignee = assigneeNameOf(data, staffNames);
    return assignee
      ? { kind, messageKey: 'vigie.cases.timeline.assigned_to', params: { assignee } }
      : { kind, messageKey: 'vigie.cases.timeline.assigned', params: {} };
  }
  if (kind === 'conversation_accessed') {
    // A read through the gate: how wide, and how many messages it let its holder read.
    return isScope(data.scope) && isCount(data.messageCount)
      ? { kind, messageKey: `vigie.gate.timeline.${data.scope}`, params: { smart_count: data.messageCount } }
      : { kind, messageKey: 'vigie.gate.timeline.conversation_accessed', params: {} };
  }
  if (kind === 'legal_hold_placed' || kind === 'legal_hold_lifted') {
    // The reason is why the case is (or no longer is) kept past its retention: it is the event.
    const reason = typeof data.reason === 'string' ? data.reason.trim() : '';
    return reason
      ? { kind, messageKey: `vigie.retention.timeline.${kind}`, params: { reason } }
      : { kind, messageKey: `vigie.cases.timeline.${kind}`, params: {} };
  }
  if (kind === 'retention_closed') {
    // The run's first block is enough to find it in the retention screen's history.
    const run = typeof data.runId === 'string' && data.runId !== '' ? data.runId.split('-')[0] : undefined;
    return run
      ? { kind, messageKey: 'vigie.retention.timeline.retention_closed_run', params: { run } }
      : { kind, messageKey: 'vigie.retention.timeline.retention_closed', params: {} };
  }
  if (kind === 'decision' || kind === 'decision_proposed' || kind === 'decision_approved')
    return describeDecision(kind, data);
  if (kind === 'decision_rejected') {
    const note = textOf(data.note);
    return note
      ? { kind, messageKey: 'vigie.decisions.timeline.decision_rejected_note', params: { note } }
      : { kind, messageKey: 'vigie.decisions.timeline.decision_rejected', params: {} };
  }
  if (kind === 'closed' || kind === 'reopened') {
    const reason = textOf(data.reason);
    if (reason) return { kind, messageKey: `vigie.decisions.timeline.${kind}_reason`, params: { reason } };
  }
  if (kind === 'appealed') {
    const appealCase = textOf(data.appealCaseId);
    return {
      kind,
      messageKey: 'vigie.decisions.timeline.appealed',
      params: {},
      ...(appealCase
        ? {
            link: {
              to: `/cases/${encodeURIComponent(appealCase)}/show`,
              labelKey: 'vigie.decisions.timeline.see_appeal',
            },
          }
        : {}),
    };
  }
  if (kind === 'appeal_opened')
    return { kind, messageKey: 'vigie.decisions.timeline.appeal_opened', params: {} };
  if (kind === 'appeal_decided') {
    const outcome = data.outcome === 'upheld' || data.outcome === 'overturned' ? data.outcome : undefined;
    return {
      kind,
      messageKey: outcome
        ? `vigie.decisions.timeline.appeal_decided_${outcome}`
        : 'vigie.decisions.timeline.appeal_decided',
      params: {},
    };
  }
  return { kind, messageKey: `vigie.cases.timeline.${kind}`, params: {} };
};

/** Oldest first: the timeline tells the case's story in order. Ties keep the API's order. */
export const inOrder = (events: readonly CaseEvent[]): CaseEvent[] =>
  events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => new Date(a.event.at).getTime() - new Date(b.event.at).getTime() || a.index - b.index)
    .map(({ event }) => event);
