import type { MessagesOf } from './messagesOf';
import type { registerFr } from './register';

// English, loaded with en.ts only when someone chooses it.
export const registerEn: MessagesOf<typeof registerFr> = {
  title: 'Access register',
  intro:
    'Every request to open a reported conversation, granted or refused, and every read is written into a chain of hashes in which no entry can be changed or removed without it showing.',
  no_content: 'Message content never appears in the register.',
  total: '%{count} entry |||| %{count} entries',
  order_newest: 'Newest first',
  order_oldest: 'Oldest first',
  integrity: {
    title: 'Register integrity',
    explanation:
      'Vigie recomputes every hash from the first entry and checks the signed checkpoints. Nothing is changed while it verifies.',
    verify: 'Verify integrity',
    verify_again: 'Verify again',
    running: 'Verifying… On a large register this can take a few seconds.',
    not_yet: 'The register has not been verified during this visit yet.',
    intact_title: 'Register intact',
    checked: '%{count} entry verified |||| %{count} entries verified',
    erased: 'of which %{count} erased by retention |||| of which %{count} erased by retention',
    checkpoints: '%{count} signed checkpoint matches. |||| %{count} signed checkpoints match.',
    no_checkpoints: 'No signed checkpoint to compare with yet.',
    empty: 'Empty register: no entry to verify yet.',
    head: 'Latest entry: no. %{sequence}',
    head_hash: 'Head hash',
    verified_at: 'Verified on %{date}',
    broken_title: 'Register tampered with: first broken entry no. %{sequence}',
    journal_broken_title: 'Staff journal tampered with: first broken entry no. %{sequence}',
    journal_checked: 'Staff journal intact: %{count} entry checked. |||| Staff journal intact: %{count} entries checked.',
    broken_advice:
      'Change nothing and write this number down: the entries after it can no longer be relied upon. Warn the technical team and the security officer, and compare with the checkpoints you keep outside Vigie.',
    failed: 'The verification could not complete: %{message}',
    problems: {
      sequence_gap: 'an entry is missing from the run of numbers: it was removed from the register.',
      prev_hash_mismatch:
        'it does not point at the hash of the entry before it: an entry was inserted, removed or moved.',
      hash_mismatch: 'its content no longer matches its hash: it was changed afterwards.',
      personal_field_mismatch:
        'a personal field (justification, IP address or browser) no longer matches the hash that seals it: it was changed afterwards.',
      checkpoint_mismatch:
        'the chain no longer matches a signed checkpoint: history was rewritten since it was signed.',
      checkpoint_signature_invalid:
        'the signature of a checkpoint is not valid: it was not signed by Vigie or it was altered.',
      truncated_before_checkpoint:
        'the register stops before a signed checkpoint: recent entries were deleted.',
    },
  },
  hash: {
    copy: 'Copy the full hash',
    copied: 'Hash copied.',
    copy_failed: 'Copying failed: select the text and copy it yourself.',
  },
  checkpoints: {
    title: 'Signed checkpoints',
    explanation:
      "A checkpoint is the chain's latest hash, signed by Vigie. Keep the file outside Vigie (the DPO's safe, an external drive): even if someone one day rewrote the register and its database, this file would prove what the register held on that date.",
    sign: 'Sign a checkpoint',
    signing: 'Signing…',
    signed: 'Checkpoint no. %{sequence} signed and downloaded. Keep the file outside Vigie.',
    recent: 'Latest checkpoints',
    none: 'No signed checkpoint yet.',
    entry: 'Up to entry no. %{sequence}',
    journal: 'staff journal up to no. %{sequence}',
    download: 'Download checkpoint no. %{sequence}',
    more: '%{count} checkpoint in all |||| %{count} checkpoints in all',
    load_failed: 'The checkpoints cannot be shown: %{message}',
    register_empty: 'The register is still empty: there is nothing to sign yet.',
  },
  legal_bases: {
    gdpr_6_1_f: 'Legitimate interest (GDPR, art. 6(1)(f))',
  },
  purposes: {
    report_review: 'Review of reports',
  },
  fields: {
    sequence: 'No.',
    at: 'Date and time',
    staff: 'Staff',
    case: 'Case',
    outcome: 'Outcome',
    scope: 'Scope',
    justification: 'Justification',
  },
  outcomes: {
    granted: 'Access granted',
    denied: 'Refused',
    denied_reason: 'Refused: %{reason}',
    read: 'Read: %{count} message |||| Read: %{count} messages',
    read_filter: 'Read',
  },
  scopes: {
    context: 'Context',
    full: 'Whole conversation',
    context_hint: 'The reported messages and a few messages around them (the default).',
    full_hint: 'The whole conversation, asked for with its own justification.',
    messages: '%{count} message |||| %{count} messages',
  },
  staff: {
    unnamed: 'Unnamed account',
    no_roles: 'No role',
  },
  case: {
    none: 'None',
    open: 'Open the case',
    filter: "Show this case's entries",
  },
  justification: {
    erased: 'Erased by retention',
    erased_hint:
      "This entry's personal fields (justification, IP address, browser) were erased on %{date}, at the end of the retention period. The entry can still be verified through its hash.",
    none: 'No justification',
    read: "The granted access's",
    expand: 'Show details',
  },
  detail: {
    title: 'Details of entry no. %{sequence}',
    justification: 'Full justification',
    legal_basis: 'Legal basis',
    purpose: 'Purpose',
    reports: 'Reports',
    subjects: 'Data subjects',
    subject_filter: 'Show the entries about %{name}',
    conversation: 'Conversation',
    messages: 'Messages opened',
    ip: 'IP address',
    user_agent: 'Browser',
    request_id: 'Request id',
    grant_id: 'Grant id',
    hash: "Entry's hash",
    erased_at: 'Personal fields erased on',
    none: 'None',
    erased: 'Erased',
  },
  filters: {
    staff: 'Staff member',
    case: 'Case (id)',
    case_invalid: 'Type a full case id (UUID).',
    subject: 'Data subject (id)',
    outcome: 'Outcome',
    from: 'From',
    to: 'To',
  },
  empty_title: 'The register is still empty',
  empty_body:
    'No conversation has been asked for yet. Every request to open one, granted or refused, and every read will show here.',
  empty_filtered_title: 'No entry matches',
  empty_filtered_body: 'Change or remove the filters to see more entries of the register.',
  reasons: {
    role: 'insufficient role',
    case_not_found: 'case not found',
    data_purged: 'data erased by retention',
    case_closed: 'case closed',
    not_assignee: 'not assigned to the case',
    no_report: 'no report given',
    report_not_in_case: 'report not in the case',
    justification_too_short: 'justification too short',
    grant_not_found: 'grant not found',
    not_grant_holder: "someone else's grant",
    grant_expired: 'grant expired',
  },
};
