import type { MessagesOf } from './messagesOf';
import type { subjectsFr } from './subjects';

// English, loaded with en.ts only when someone chooses it.
export const subjectsEn: MessagesOf<typeof subjectsFr> = {
  menu: 'People',
  title: 'People',
  intro:
    "Answer a request for access (GDPR Article 15): find a person by their name or platform id, see every access of staff to the conversations that concern them, and hand them the document.",
  no_content: 'Never a message’s content. In the document handed over, other people remain "another participant".',
  load_failed: 'This cannot be shown: %{message}',
  search: {
    title: 'Find a person',
    explanation: 'The beginning of their platform id, or part of their name (case and accents ignored). People whose data was erased are no longer found.',
    label: 'Name or id',
    submit: 'Search',
    none: 'Nobody matches "%{q}".',
    total: '%{smart_count} person found |||| %{smart_count} people found',
    open: "Show %{name}'s report",
    paging: {
      displayed: '%{from}–%{to} of %{count}',
      first: 'First page',
      previous: 'Previous page',
      next: 'Next page',
      last: 'Last page',
    },
  },
  fields: {
    external_id: 'Platform id',
    display_name: 'Display name',
    as_reporter: 'Reported others',
    as_reported: 'Was reported',
    case: 'Case',
    roles: 'Role',
    opened_at: 'Opened',
    status: 'Status',
    categories: 'Reasons',
    others: 'Other participants',
    purged: 'Data erased',
    at: 'Date',
    outcome: 'Access',
    purpose: 'Purpose and legal basis',
    scope: 'Data read',
    staff: 'Staff',
    sequence: 'Register no. %{sequence}',
  },
  no_name: '(no name)',
  report: {
    title: "%{name}'s report",
    generated_at: 'Produced on %{date}',
    cases_title: 'Their cases',
    no_cases: 'No case concerns this person.',
    accesses_title: 'Access to their conversations',
    accesses_explanation:
      'Every register entry that concerns them: as the author or target of a report, or as a participant of a conversation read.',
    no_accesses: 'No member of staff asked to read a conversation that concerns them.',
    total_accesses: '%{smart_count} access |||| %{smart_count} accesses',
  },
  roles: {
    reporter: 'Reporter',
    reported: 'Reported',
    participant: 'Participant',
  },
  outcomes: {
    granted: 'Granted',
    read: 'Read',
    denied: 'Refused',
  },
  scope: {
    context: 'Context: %{smart_count} message |||| Context: %{smart_count} messages',
    full: 'Whole conversation: %{smart_count} message |||| Whole conversation: %{smart_count} messages',
    own: '%{smart_count} of them theirs |||| %{smart_count} of them theirs',
  },
  purposes: {
    moderation_report_review: 'Reviewing a report (moderation)',
  },
  legal_bases: {
    gdpr_6_1_f: 'Legitimate interest (GDPR 6(1)(f))',
  },
  download: {
    title: 'Hand over the report',
    explanation:
      'The PDF is written for the person: dates, purposes and legal basis in plain words, what was read, staff shown by role. Every document produced is written to the staff journal.',
    language: 'Document language',
    include_staff: 'Name the members of staff',
    pdf: 'Download the PDF',
    csv: 'Download the CSV',
  },
};
