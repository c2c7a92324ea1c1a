import type { MessagesOf } from './messagesOf';
import type { gateFr } from './gate';

// English, loaded with en.ts only when someone chooses it.
export const gateEn: MessagesOf<typeof gateFr> = {
  button: {
    open: 'Open the conversation',
    note: 'Opening will ask for a justification and be recorded in the access register. Access lasts 15 minutes.',
    reasons: {
      loading: 'Loading the case…',
      closed: 'This case is closed: its conversation can no longer be opened.',
      no_reports: 'This case has no report to rely on.',
      unassigned: 'Take the case to open the conversation.',
      assigned_elsewhere: 'Only the assignee or a lead can open the conversation.',
    },
  },
  dialog: {
    title: 'Open the conversation',
    title_full: 'See the whole conversation',
    intro: 'You will see the reported messages, with 10 messages before and after each, for 15 minutes.',
    intro_full:
      'You will see the whole conversation (%{smart_count} message) for 15 minutes. This is a new access: it needs its own justification. |||| You will see the whole conversation (%{smart_count} messages) for 15 minutes. This is a new access: it needs its own justification.',
    legal_basis_label: 'Legal basis:',
    legal_basis: "the platform's legitimate interest in detecting illicit activity (GDPR Art. 6(1)(f))",
    purpose_label: 'Purpose:',
    purpose: 'reviewing reports',
    reports_label: 'Reports you rely on',
    reports_help: 'Tick at least one report.',
    report_by: 'by %{name}',
    report_messages: '%{smart_count} reported message |||| %{smart_count} reported messages',
    no_comment: 'No comment.',
    quoted: '“%{text}”',
    justification_label: 'Justification',
    justification_placeholder: 'E.g. check the messages reported for harassment in their context.',
    justification_help: 'At least %{min} letters or digits. Say what you need to check in the conversation.',
    counter_short: '%{count} / %{min}',
    counter_ok: '%{smart_count} letter or digit |||| %{smart_count} letters or digits',
    register_warning:
      'This access will be recorded in the access register, with your name, the time, the reports you chose and your justification. The data protection officer (DPO) audits this register.',
    cancel: 'Cancel',
    submit: 'Open for 15 minutes',
    refused: 'Access refused',
    refusal_recorded: 'This refusal is recorded in the access register.',
    failed: 'Access could not be opened',
    errors: {
      no_report: 'Choose at least one report.',
      too_short:
        '%{smart_count} more letter or digit: the justification needs at least %{min}. |||| %{smart_count} more letters or digits: the justification needs at least %{min}.',
      invalid_request:
        'The request was not accepted as it is: check the ticked reports and the justification.',
    },
  },
  refusals: {
    role: 'Your roles do not allow opening a conversation.',
    role_pending:
      'Your moderation role is waiting for approval by a second person: it does not open conversations yet.',
    case_not_found: 'This case does not exist, or no longer does.',
    data_purged:
      'The messages of this case were erased at the end of the retention period: there is nothing left to read.',
    case_closed: 'This case is closed: its conversation can no longer be opened.',
    not_assignee:
      'Only the person handling this case, or a lead, can open the conversation. The case may have been reassigned in the meantime.',
    no_report: 'Choose at least one report you rely on.',
    report_not_in_case:
      'One of the chosen reports does not belong to this case. Reload the page, then try again.',
    justification_too_short:
      'The justification is too short: at least %{min} letters or digits (spaces, punctuation and emoji do not count).',
    grant_not_found: 'This access does not exist, or no longer does: ask for a new access.',
    not_grant_holder: 'This access was granted to someone else: ask for your own.',
    grant_expired: 'Access expired — ask for a new access.',
    step_up_required: 'Confirm who you are to open the conversation.',
    grant_revoked: 'This access has ended: you could no longer open this case.',
    restricted:
      "Processing restricted: a person concerned by this case asked for the processing of their data to be restricted. Its conversation does not open while the restriction stands.",
    refused_by_database:
      'The database refused this access by its own rules (the refusal is recorded). Reload the page and try again; if it is refused again, tell a lead.',
  },
  step_up: {
    title: 'Confirm who you are',
    intro_password:
      'Your last confirmation is too old to open a conversation: enter your password again. Your justification and the ticked reports are kept.',
    intro_totp:
      'Your last confirmation is too old to open a conversation: enter the code from your authenticator app. Your justification and the ticked reports are kept.',
    password_label: 'Password',
    totp_label: '6-digit code',
    submit: 'Confirm and open',
    errors: {
      required: 'Enter it to continue.',
      failed: 'That is not the right one. A code works only once: wait for the next one.',
      method: 'Your account confirms the other way: the field has changed, try again.',
      locked: 'Too many failed attempts. Try again in a few minutes.',
      unavailable: 'The confirmation did not go through. Try again.',
    },
  },
  revoked: {
    reassigned: 'Access withdrawn: the case was reassigned to someone else.',
    unassigned: 'Access withdrawn: the case is no longer assigned to anyone.',
    case_closed: 'Access withdrawn: the case was closed.',
    data_purged: "Access withdrawn: this case's messages were erased.",
    roles_changed: 'Access withdrawn: your roles no longer allow opening a conversation.',
    account_disabled: 'Access withdrawn: your account was disabled in the meantime.',
    signed_out: 'Access withdrawn: the session that obtained it signed out.',
    session_expired: 'Access withdrawn: the session that obtained it expired.',
    restricted: "Access withdrawn: the processing of a person concerned's data was restricted.",
  },
  viewer: {
    title: 'Reported conversation',
    scope_context: 'Context of the reports: %{count} messages out of %{total}',
    scope_full: 'Whole conversation: %{smart_count} message |||| Whole conversation: %{smart_count} messages',
    remaining: 'Access time left: %{time}',
    close: 'Close and remove the conversation from the screen',
    loading: 'Loading the messages…',
    erased: 'Message erased',
    reported: 'Reported',
    reported_as: 'Reported: %{category}',
    hidden_before: '%{smart_count} earlier message not shown |||| %{smart_count} earlier messages not shown',
    hidden_between: '%{smart_count} message in between not shown |||| %{smart_count} messages in between not shown',
    hidden_after: '%{smart_count} later message not shown |||| %{smart_count} later messages not shown',
    see_all: 'See the whole conversation',
    expired: 'Access expired — ask for a new access',
    expired_body: 'The conversation was removed from the screen. A new access needs a new justification.',
    request_again: 'Ask for a new access',
    close_button: 'Close',
    failed: 'The messages cannot be shown',
    retry: 'Try again',
    empty: 'No message to show.',
    unknown_author: 'Unknown participant',
    register_notice:
      'Access recorded in the access register. The conversation leaves the screen when you close it or when time runs out.',
  },
  timeline: {
    conversation_accessed: 'Conversation opened',
    context:
      'Conversation opened — context (%{smart_count} message) |||| Conversation opened — context (%{smart_count} messages)',
    full: 'Conversation opened — whole conversation (%{smart_count} message) |||| Conversation opened — whole conversation (%{smart_count} messages)',
  },
};
