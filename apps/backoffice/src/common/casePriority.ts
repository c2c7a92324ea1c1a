import { CATEGORY_SEVERITY, type ReportCategory } from '@vigie/contracts';

/** How urgent a case reads in the queue, from the most to the least. */
export const PRIORITY_LEVELS = ['critical', 'high', 'medium', 'low'] as const;
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];

/**
 * The lowest priority of each level. The API's priority is the gravest category's severity
 * plus 25 per extra reporter, so the thresholds follow CATEGORY_SEVERITY's tiers.
 */
export const PRIORITY_THRESHOLDS: Readonly<Record<PriorityLevel, number>> = {
  critical: CATEGORY_SEVERITY.minor_safety,
  high: CATEGORY_SEVERITY.sexual_content,
  medium: CATEGORY_SEVERITY.personal_data,
  low: 0,
};

const levelOfScore = (score: number): PriorityLevel =>
  PRIORITY_LEVELS.find((level) => score >= PRIORITY_THRESHOLDS[level]) ?? 'low';

/** A category's own level: its colour wherever it is shown. */
export const categoryLevel = (category: ReportCategory): PriorityLevel =>
  levelOfScore(CATEGORY_SEVERITY[category]);

/** A case's level. Any report of a risk to a minor makes it critical, whatever the score says. */
export const priorityLevel = (priority: number, categories: readonly ReportCategory[] = []): PriorityLevel =>
  categories.includes('minor_safety') ? 'critical' : levelOfScore(priority);

/** The categories gravest first, as the queue and the case page list them. */
export const byGravity = (categories: readonly ReportCategory[]): ReportCategory[] =>
  [...new Set(categories)].sort((a, b) => CATEGORY_SEVERITY[b] - CATEGORY_SEVERITY[a]);
