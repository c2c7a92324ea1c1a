/** One version of the legitimate-interest assessment (LIA). */
export interface LiaVersion {
  version: number;
  /** The assessment itself (purpose, necessity, balancing, safeguards), in Markdown. */
  text: string;
  effectiveFrom: string;
  writtenAt: string;
  /** Null for the version shipped with the installation. */
  writtenBy: { id: string; name: string | null } | null;
  /** SHA-256 of the text, hex. */
  digest: string;
}

/** A version without its text, for the history. */
export type LiaVersionSummary = Omit<LiaVersion, 'text'>;

/** `GET /audit/lia`: the version in force (null when none is yet), and every version, newest first. */
export interface LiaOverview {
  current: LiaVersion | null;
  history: LiaVersionSummary[];
}

/** `POST /audit/lia`. Without `effectiveFrom`, the version takes effect at once. */
export interface PublishLia {
  text: string;
  effectiveFrom?: string;
}

export const LIA_TEXT_MAX = 50_000;

import { z } from 'zod';
import { instant } from './fields.schemas';

export const publishLiaSchema = z.strictObject({
  text: z.string({ message: 'must be a text' }).trim().min(50, 'needs at least 50 characters').max(LIA_TEXT_MAX),
  effectiveFrom: instant.optional(),
});
export type PublishLiaRequest = z.output<typeof publishLiaSchema>;
