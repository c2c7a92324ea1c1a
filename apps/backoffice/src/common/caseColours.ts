import type { CaseStatus } from '@vigie/contracts';
import type { PriorityLevel } from './casePriority';

// Only the critical level is loud: the rest of the queue stays calm to read all day.
export const priorityColours: Readonly<Record<PriorityLevel, string>> = {
  critical: '#b42318',
  high: '#c2410c',
  medium: '#8a6a12',
  low: '#5f7282',
};

export const statusColours: Readonly<Record<CaseStatus, string>> = {
  open: '#1d5fa8',
  in_review: '#0f766e',
  actioned: '#6a4c93',
  dismissed: '#52626f',
  closed: '#52626f',
};
