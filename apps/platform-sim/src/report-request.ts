import { REPORT_CATEGORIES, type ReportCategory, type ReportPayload } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { findUser, type SimConversation, type SimUser } from './conversations';

/** What the chat page posts when someone presses "Envoyer le signalement". */
export interface ReportRequest {
  conversationId: string;
  messageId: string;
  category: ReportCategory;
  comment: string;
  reporterId: string;
}

/** The labels the report dialog shows, in the order the platform lists them. */
export const CATEGORY_LABELS: Readonly<Record<ReportCategory, string>> = {
  harassment: 'Harcèlement',
  sexual_content: 'Contenu sexuel',
  hate: 'Haine',
  threat_violence: 'Menace ou violence',
  spam_scam: 'Spam ou arnaque',
  personal_data: 'Données personnelles',
  minor_safety: "Sécurité d'un mineur",
  impersonation: "Usurpation d'identité",
  other: 'Autre',
};

export const MAX_COMMENT_LENGTH = 1000;

const FIELDS = ['conversationId', 'messageId', 'category', 'comment', 'reporterId'] as const;

/** A request the platform refuses before anything is sent; the message is for the user. */
export class ReportRequestError extends Error {
  override readonly name = 'ReportRequestError';
}

/** Checks the page's request against the conversations: only what the platform itself would let through. */
export function parseReportRequest(body: unknown, conversations: readonly SimConversation[]): ReportRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ReportRequestError('La requête doit être un objet JSON.');
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) throw new ReportRequestError(`Champs inconnus : ${unknown.join(', ')}.`);

  const { conversationId, messageId, category, reporterId } = fields;
  const comment = fields['comment'] ?? '';
  if (typeof category !== 'string' || !(REPORT_CATEGORIES as readonly string[]).includes(category)) {
    throw new ReportRequestError('Choisissez une catégorie de signalement dans la liste.');
  }
  if (typeof comment !== 'string') throw new ReportRequestError('Le commentaire doit être un texte.');
  if (comment.length > MAX_COMMENT_LENGTH) throw new ReportRequestError(`Le commentaire dépasse ${MAX_COMMENT_LENGTH} caractères.`);

  const conversation = conversations.find((c) => c.id === conversationId);
  if (!conversation) throw new ReportRequestError('Cette conversation n’existe pas.');
  const message = conversation.messages.find((m) => m.id === messageId);
  if (!message) throw new ReportRequestError('Ce message n’appartient pas à cette conversation.');
  if (typeof reporterId !== 'string' || !conversation.participants.includes(reporterId)) {
    throw new ReportRequestError('Seuls les participants d’une conversation peuvent la signaler.');
  }
  if (message.authorId === reporterId) throw new ReportRequestError('Vous ne pouvez pas signaler votre propre message.');

  return { conversationId: conversation.id, messageId: message.id, category: category as ReportCategory, comment: comment.trim(), reporterId };
}

/**
 * The report as the platform sends it: both users, the conversation as it stands now (every
 * message sent up to the report) and the reported message. A fresh externalId each time: pressing
 * the button twice is two reports, which Vigie joins to the same case.
 */
export function buildReportPayload(request: ReportRequest, conversations: readonly SimConversation[], now: Date): ReportPayload {
  const conversation = conversations.find((c) => c.id === request.conversationId);
  const message = conversation?.messages.find((m) => m.id === request.messageId);
  if (!conversation || !message) throw new ReportRequestError('Ce message n’appartient pas à cette conversation.');
  const reporter = userOf(request.reporterId);
  const reported = userOf(message.authorId);

  return {
    externalId: `sim_rep_${randomUUID()}`,
    reportedAt: now.toISOString(),
    category: request.category,
    comment: request.comment,
    reporter: { externalId: reporter.id, kind: reporter.kind, displayName: reporter.displayName },
    reported: { externalId: reported.id, kind: reported.kind, displayName: reported.displayName },
    conversation: {
      externalId: conversation.id,
      participants: [...conversation.participants],
      messages: conversation.messages
        .filter((m) => Date.parse(m.sentAt) <= now.getTime())
        .map((m) => ({ externalId: m.id, authorExternalId: m.authorId, sentAt: m.sentAt, body: m.body })),
    },
    reportedMessageIds: [message.id],
  };
}

function userOf(id: string): SimUser {
  const user = findUser(id);
  if (!user) throw new ReportRequestError(`Utilisateur inconnu : ${id}.`);
  return user;
}
