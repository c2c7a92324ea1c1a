import englishMessages from 'ra-language-english';
import type { VigieMessages } from './fr';

const vigie: VigieMessages = {
  app: {
    name: 'Vigie',
    tagline: 'Report moderation',
  },
  locale: {
    label: 'Language',
  },
  login: {
    email: 'Email address',
    password: 'Password',
    show_password: 'Show password',
    hide_password: 'Hide password',
    submit: 'Sign in',
    required: 'Required',
    notice: 'Restricted to authorised staff. Every sign-in is logged.',
    totp: {
      title: 'Two-step verification',
      hint: 'Enter the 6-digit code shown by your authenticator app for %{email}.',
      label: '6-digit code',
      invalid_format: 'The code has 6 digits.',
      submit: 'Verify',
      back: 'Use another account',
    },
    errors: {
      invalid_credentials: 'Incorrect email address or password.',
      mfa_invalid: 'Incorrect or expired code. Enter the code shown right now.',
      invalid_input: 'Check the email address and password you entered.',
      mfa_required: 'This account is protected by two-step verification.',
      mfa_enrolment_required:
        'Your account must set up two-step verification before it can sign in. Contact a Vigie administrator.',
      locked: 'This account is locked. Try again later or contact a Vigie administrator.',
      rate_limited: 'Too many attempts. Wait a few minutes before trying again.',
      unavailable: 'The service is temporarily unavailable. Try again in a moment.',
    },
  },
  roles: {
    moderator: 'Moderator',
    lead: 'Lead',
    dpo: 'DPO',
    admin: 'Admin',
  },
  menu: {
    queue: 'Queue',
    access_register: 'Access register',
    retention: 'Retention',
    staff: 'Staff',
  },
  dashboard: {
    greeting: 'Hello %{name}',
    greeting_anonymous: 'Hello',
    intro: 'Here is what your roles let you do in Vigie.',
    your_roles: 'Your roles',
    no_roles: 'You have no role yet, so there is nothing you can open. Contact a Vigie administrator.',
    roles: {
      moderator: {
        summary: 'You handle the reports the platform sends.',
        can_1: 'Take a case from the queue and follow its timeline.',
        can_2:
          'Open the reported conversation for 15 minutes, stating why: every opening is written to the access register.',
        can_3: 'Add notes and record a reasoned decision.',
      },
      lead: {
        summary: 'You lead the moderation team.',
        can_1: 'Assign cases and open any reported conversation, with a justification.',
        can_2: 'Take or approve the heavy sanctions (suspension, ban).',
        can_3: 'Place or lift a legal hold, reopen a case.',
      },
      dpo: {
        summary: 'You check that every access to a conversation is justified.',
        can_1: 'Read the access register and verify it was not tampered with.',
        can_2: 'Answer data-subject requests.',
        can_3:
          'Follow the 3-year retention and preview upcoming erasures. Conversation content is never shown to you.',
      },
      admin: {
        summary: "You manage the team's accounts.",
        can_1: 'Create, edit and disable staff accounts and their roles.',
        can_2: 'Follow the retention runs.',
        can_3: 'Conversation content is never shown to you.',
      },
    },
  },
  screens: {
    will_show: 'This screen will show:',
    queue: {
      title: 'Queue',
      summary: "The cases opened by the platform's reports, most urgent first.",
      item_1: "Each case's priority, category and number of reporters (minor safety first).",
      item_2: 'Its status, assignee and last activity.',
      item_3: 'Filters by status, category and assignee, and one-click claiming.',
    },
    access_register: {
      title: 'Access register',
      summary: 'Every opening of a reported conversation, and every refusal, in a tamper-evident register.',
      item_1: 'Who read which conversation, when, because of which report, and why.',
      item_2: 'Filters by staff member, case, data subject, period and outcome.',
      item_3: 'Verification of the integrity chain and CSV or JSON export.',
    },
    retention: {
      title: 'Retention',
      summary: 'How the retention period is applied: 3 years from the last activity.',
      item_1: 'The latest sweeper runs, with their counts and errors.',
      item_2: 'The cases the next runs will close and erase.',
      item_3: 'Legal holds in force, with their reason and author.',
    },
    staff: {
      title: 'Staff',
      summary: 'The accounts of the staff members who use Vigie.',
      item_1: "Each person's name, email address and roles.",
      item_2: 'Their two-step verification status and last sign-in.',
      item_3: 'Creating accounts, changing roles and disabling accounts.',
    },
  },
};

export const en = { ...englishMessages, vigie };
