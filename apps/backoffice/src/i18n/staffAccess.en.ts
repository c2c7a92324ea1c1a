import type { MessagesOf } from './messagesOf';
import type { staffAccessFr } from './staffAccess';

// English, loaded with en.ts only when someone chooses it.
export const staffAccessEn: MessagesOf<typeof staffAccessFr> = {
  role_requests: {
    title: 'Roles to approve',
    intro:
      'A role given from the Staff screen gives no access until a second person approves it: a lead or another admin for Moderator and Lead, another admin for DPO and Admin. Never the person who asked for it, nor the person concerned.',
    total: '%{smart_count} pending request |||| %{smart_count} pending requests',
    reload: 'Refresh',
    load_failed: 'Could not load the requests: %{message}',
    empty_title: 'No roles to approve',
    empty_body: 'Roles given to an account appear here while they wait for a second person.',
    requested_by: 'Asked for by %{name}',
    requested_by_unknown: 'Asked for from the command line',
    now: 'Now',
    after: 'Once approved',
    no_role: 'no role',
    causes: {
      roles_given: 'Roles given',
      password_link: 'Suspended by a password link',
    },
    cause_hints: {
      roles_given: 'An admin gave these roles to the account.',
      password_link:
        'An admin created a password link for this account: its moderation roles are suspended until approved again.',
    },
    approve: 'Approve',
    reject: 'Reject',
    approved: 'Roles of %{name} approved.',
    rejected: 'Request for %{name} rejected.',
    not_yours: 'You made this request, or it is about you: someone else must decide it.',
  },
  set_password: {
    page_title: 'Choose my password',
    title: 'Choose your password',
    checking: 'Checking the link…',
    for: 'Account of %{name} (%{email})',
    expires: 'This link works once, until %{date}.',
    password: 'New password',
    confirm: 'Confirm the password',
    mismatch: 'The two passwords are not the same.',
    submit: 'Save my password',
    done_title: 'Password saved',
    done_body:
      'Sign in with your e-mail address and this password. Vigie will then ask you to turn on two-factor authentication.',
    sign_in: 'Sign in',
    no_token: 'This link is incomplete: open the exact link you received.',
  },
};
