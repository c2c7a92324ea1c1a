import type { AlertRule, AlertStatus } from '@vigie/contracts';
import type { alertsFr } from './alerts';
import type { MessagesOf } from './messagesOf';

const rules: Record<AlertRule, string> = {
  openings_per_hour: 'Too many openings in an hour',
  repeated_justification: 'Same justification repeated',
  outside_working_hours: 'Opening outside working hours',
  repeated_denials: 'Repeated refusals',
  same_person_across_cases: 'Same person across cases',
  widening: 'Whole conversation too often',
  register_broken: 'Access register tampered with',
  retention_failed: 'Retention run failed',
  checkpoint_failed: 'Checkpoint not signed',
};

const ruleHelp: Record<AlertRule, string> = {
  openings_per_hour: "More openings in an hour than the threshold, or than three times the person's usual pace.",
  repeated_justification: 'The same justification, case and spacing aside, on several openings the same day.',
  outside_working_hours: 'Openings outside the configured working hours.',
  repeated_denials: 'Several refusals by the gate within minutes (re-authentication requests aside).',
  same_person_across_cases: "One user's conversations opened in several cases within a week.",
  widening: 'The whole conversation asked for on more than half of the openings.',
  register_broken: "A verification of the register or the staff journal found the chain broken, at the entry shown.",
  retention_failed: 'A retention run failed or was interrupted: data due for erasure may not have been erased.',
  checkpoint_failed: "The register's scheduled checkpoint could not be signed.",
};

const statuses: Record<AlertStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  dismissed: 'Dismissed',
};

// English, loaded with en.ts only when someone chooses it.
export const alertsEn: MessagesOf<typeof alertsFr> = {
  menu: 'Alerts',
  title: 'Access alerts',
  intro:
    'Vigie checks every entry of the access register against rules of anomalous use, within a minute. An alert names register entries by number, never a justification or a message.',
  total: '%{count} alert |||| %{count} alerts',
  badge: '%{smart_count} open alert |||| %{smart_count} open alerts',
  filters: {
    status: 'Status',
    rule: 'Rule',
    all: 'All',
  },
  fields: {
    opened: 'Raised',
    rule: 'Rule',
    staff: 'Staff member',
    evidence: 'Register entries',
    status: 'Status',
    actions: 'Actions',
  },
  rules,
  rule_help: ruleHelp,
  system: 'System',
  details: {
    sequence: 'entry #%{sequence}',
    journal: 'staff journal, entry #%{sequence}',
    run: 'run %{run}',
    interrupted: 'interrupted',
  },
  statuses,
  evidence_more: 'and %{count} more',
  empty_open: 'No open alert.',
  empty: 'No alert matches these filters.',
  load_failed: 'The alerts cannot be shown: %{message}',
  displayed: '%{from}–%{to} of %{count}',
  first: 'First page',
  last: 'Last page',
  next: 'Next page',
  previous: 'Previous page',
  resolve: {
    open: 'Resolve',
    title: 'Resolve the alert',
    intro:
      'Acknowledge it if it calls for a follow-up, dismiss it otherwise. The note stays with the alert and your decision goes to the staff journal.',
    status_label: 'Decision',
    acknowledged: 'Acknowledge',
    dismissed: 'Dismiss',
    note_label: 'Note',
    note_placeholder: 'For example: discussed with the person, a peak due to a wave of reports.',
    note_help: 'At least %{min} characters.',
    note_too_short: 'Write a note of at least %{min} characters.',
    submit: 'Save',
    cancel: 'Cancel',
    done: 'Alert resolved.',
    already: 'Someone else had already resolved this alert.',
    own: 'This alert is about you: another DPO resolves it.',
    own_short: 'About you: another DPO resolves it',
    failed: 'The alert could not be resolved: %{message}',
  },
  dashboard: {
    title: 'Open alerts',
    intro: 'Anomalous use of access to conversations, to look into.',
    total: '%{count} open |||| %{count} open',
    see_all: 'See the alerts',
  },
  activity: {
    page_title: "A staff member's activity",
    title: "%{name}'s activity",
    intro:
      'Per day (UTC): openings of conversations, openings of the whole conversation and refusals by the gate, with the alerts on the same timeline. Viewing it is written to the staff journal.',
    period: 'Period',
    days_30: '30 days',
    days_90: '90 days',
    days_365: '12 months',
    openings: 'Openings',
    widenings: 'Whole conversations',
    denials: 'Refusals',
    alert_marker: '⚠ n: n alerts raised that day, listed below the chart.',
    totals: {
      openings: '%{count} opening |||| %{count} openings',
      widenings: '%{count} whole conversation |||| %{count} whole conversations',
      denials: '%{count} refusal |||| %{count} refusals',
      alerts: '%{count} alert |||| %{count} alerts',
    },
    chart_label: 'Openings, whole conversations and refusals per day',
    alerts_title: 'Alerts of the period',
    no_alerts: 'No alert in this period.',
    load_failed: 'The activity cannot be shown: %{message}',
    back: 'Back to the alerts',
  },
};
