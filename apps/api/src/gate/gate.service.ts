import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type AccessGrant,
  type AccessRequest,
  canAccess,
  type GateRefusal,
  type GrantedConversation,
  type GrantRevocationCause,
  justificationLength,
  MIN_JUSTIFICATION_LENGTH,
  storableText,
  type StaffRole,
} from '@vigie/contracts';
import { CaseRecordRepository, isAssigneeOrLead } from '../cases/case-record.repository';
import { Clock } from '../common/clock';
import type { RequestClient } from '../common/request-client.decorator';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { type AccessRecord, RegisterService } from '../register/register.service';
import { SessionService } from '../staff/session.service';
import type { SessionEnd } from '../staff/staff-session.entity';
import { databaseRefusalOf, GateRefusedException } from './gate.exception';
import { type CaseFacts, type CaseState, GateRepository, type GrantRow } from './gate.repository';

export interface GateCaller {
  id: string;
  roles: readonly StaffRole[];
  /** Roles waiting for a second person's approval: they open nothing, but the refusal says so. */
  pendingRoles: readonly StaffRole[];
  /** The session asking: a grant is tied to it. */
  sessionId: string;
  /** When that session last confirmed its password or code. */
  steppedUpAt: Date | null;
}

/** A refusal to read, with the cause when the grant was revoked. */
type ReadRefusal = { reason: GateRefusal; cause?: GrantRevocationCause };

/**
 * The gate: the one way to a conversation's content. Every answer — grant, refusal, read — is
 * written to the access register in the transaction that decides it; when the entry cannot be
 * written, the transaction fails and nothing is granted or read.
 */
@Injectable()
export class GateService {
  constructor(
    private readonly gate: GateRepository,
    private readonly records: CaseRecordRepository,
    private readonly register: RegisterService,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async requestAccess(caseId: string, caller: GateCaller, request: AccessRequest, client: RequestClient): Promise<AccessGrant> {
    const justification = storableText(request.justification.trim());
    const baseOf = (facts: CaseFacts | undefined) =>
      ({
        staff: caller,
        caseId,
        conversationId: facts?.conversationId ?? null,
        reportIds: request.reportIds,
        subjectIds: facts?.subjectIds ?? [],
        justification,
        client,
      }) satisfies Partial<AccessRecord>;
    const decide = () => this.gate.transaction(async (m): Promise<AccessGrant | GateRefusal> => {
      const at = this.clock.now();
      const facts = await this.gate.caseFacts(m, caseId);
      const base = baseOf(facts);
      const stepUpUntil = caller.steppedUpAt ? this.sessions.stepUpUntil(caller.steppedUpAt) : undefined;
      const refusal = refusalOf(caller, facts, request.reportIds, justification, stepUpUntil, at);
      if (refusal || !facts) {
        await this.register.record(m, { ...base, outcome: 'denied', reason: refusal ?? 'case_not_found' }, at);
        return refusal ?? 'case_not_found';
      }

      const messageIds = await this.gate.scopeMessageIds(m, facts.conversationId, request.reportIds, request.scope, this.config.GATE_CONTEXT_MESSAGES);
      const { id: grantId, expiresAt } = await this.gate.openGrant(m, {
        caseId,
        staffId: caller.id,
        scope: request.scope,
        reportIds: request.reportIds,
        messageIds,
        sessionId: caller.sessionId,
        minutes: this.config.GATE_GRANT_MINUTES,
      });
      const scope = { kind: request.scope, messageCount: messageIds.length };
      // A staff action on the case: it goes on the timeline and keeps the case alive for retention.
      await this.gate.addCaseEvent(m, caseId, 'conversation_accessed', caller.id, at, { grantId, scope: request.scope, reportIds: request.reportIds, messageCount: messageIds.length });
      await this.records.recordActivity(m, caseId, at);
      const conversationMessageCount = await this.gate.conversationSize(m, facts.conversationId);
      // Last: the register's append lock is held from here to commit.
      await this.register.record(m, { ...base, outcome: 'granted', grantId, scope }, at);
      return { grantId, caseId, expiresAt: expiresAt.toISOString(), scope: { ...scope, conversationMessageCount } };
    });
    const outcome = await this.overruled(decide, async (m, reason, at) => {
      await this.register.record(m, { ...baseOf(await this.gate.caseFacts(m, caseId)), outcome: 'denied', reason }, at);
    });
    if (typeof outcome === 'string') throw new GateRefusedException(outcome);
    return outcome;
  }

  /**
   * Runs the gate's decision; when the database's own rules refuse what the service allowed
   * (their clocks apart, a change in between), records that refusal in a transaction of its own —
   * every refusal is in the register — and answers it.
   */
  private async overruled<T>(decide: () => Promise<T>, deny: (m: EntityManager, reason: string, at: Date) => Promise<void>): Promise<T> {
    try {
      return await decide();
    } catch (error) {
      const rule = databaseRefusalOf(error);
      if (!rule) throw error;
      await this.gate.transaction((m) => deny(m, `refused_by_database:${rule}`, this.clock.now()));
      throw new GateRefusedException('refused_by_database', { rule });
    }
  }

  /**
   * Reading is two transactions: the first decides and commits the `read` entry; only then does
   * the database hand out the bodies, to a transaction of their own (it ignores an entry its
   * caller's own transaction wrote, so that no rollback can erase a read).
   */
  async readMessages(grantId: string, caller: GateCaller, client: RequestClient): Promise<GrantedConversation> {
    const baseOf = (grant: GrantRow | undefined, state: CaseState | undefined) =>
      ({
        staff: caller,
        caseId: grant?.caseId ?? null,
        conversationId: state?.conversationId ?? null,
        reportIds: grant?.reportIds ?? [],
        subjectIds: state?.subjectIds ?? [],
        grantId,
        justification: null,
        client,
      }) satisfies Partial<AccessRecord>;
    const decide = () => this.gate.transaction(async (m): Promise<{ conversation: GrantedConversation; entry: string } | ReadRefusal> => {
      const at = this.clock.now();
      const grant = await this.gate.findGrant(m, grantId);
      const state = grant ? await this.gate.caseState(m, grant.caseId) : undefined;
      const base = baseOf(grant, state);
      const sessionEnd = grant?.sessionId ? await this.sessions.endOf(grant.sessionId) : 'signed_out';
      const refusal = readRefusalOf(caller, grant, state, sessionEnd, at);
      if (refusal || !grant || !state) {
        const { reason, cause } = refusal ?? { reason: 'grant_not_found' };
        // A revocation is a denied read whose reason says why the grant ended.
        await this.register.record(m, { ...base, outcome: 'denied', reason: cause ? `${reason}:${cause}` : reason }, at);
        return refusal ?? { reason: 'grant_not_found' };
      }

      // Everything but the bodies is read first: the register's append lock is then held for the
      // append only, until commit.
      const { rows: messages, total } = await this.gate.messages(m, state.conversationId, grant.messageIds);
      const reported = await this.gate.reportsByMessage(m, grant.caseId);
      const participants = await this.gate.participants(m, state.conversationId);
      const scope = { kind: grant.scope, messageCount: grant.messageIds.length, messageIds: grant.messageIds };
      const entry = await this.register.record(m, { ...base, outcome: 'read', scope }, at);
      const first = messages[0]?.position ?? total + 1;
      const last = messages.at(-1)?.position ?? total;
      const conversation: GrantedConversation = {
        grantId: grant.id,
        caseId: grant.caseId,
        expiresAt: grant.expiresAt.toISOString(),
        scope: { kind: grant.scope, messageCount: messages.length, conversationMessageCount: total },
        participants,
        hiddenBefore: first - 1,
        hiddenAfter: total - last,
        messages: messages.map((message) => ({
          id: message.id,
          externalId: message.externalId,
          authorId: message.authorId,
          sentAt: message.sentAt.toISOString(),
          position: message.position,
          body: null,
          reportIds: reported.get(message.externalId) ?? [],
        })),
      };
      return { conversation, entry: entry.sequence };
    });
    const outcome = await this.overruled(decide, async (m, reason, at) => {
      const grant = await this.gate.findGrant(m, grantId);
      await this.register.record(m, { ...baseOf(grant, grant ? await this.gate.caseState(m, grant.caseId) : undefined), outcome: 'denied', reason }, at);
    });
    if ('reason' in outcome) throw new GateRefusedException(outcome.reason, outcome.cause);
    const bodies = await this.gate.bodies(outcome.entry, caller.id);
    const { conversation } = outcome;
    return { ...conversation, messages: conversation.messages.map((message) => ({ ...message, body: bodies.get(message.id) ?? null })) };
  }
}

/**
 * Who may open a case's conversation, in the order refusals are reported: a content role
 * (moderator or lead), approved; a session that stepped up less than STEP_UP_MINUTES ago; a case that
 * exists, was not purged and is not closed; its assignee or a lead; at least one of the case's
 * reports named, and only those; a justification of at least MIN_JUSTIFICATION_LENGTH letters or digits
 * after trimming.
 */
function refusalOf(
  caller: GateCaller,
  facts: CaseFacts | undefined,
  reportIds: string[],
  justification: string,
  stepUpUntil: Date | undefined,
  at: Date,
): GateRefusal | undefined {
  const role = roleRefusalOf(caller);
  if (role) return role;
  if (!stepUpUntil || at.getTime() >= stepUpUntil.getTime()) return 'step_up_required';
  if (!facts) return 'case_not_found';
  if (facts.dataPurged) return 'data_purged';
  if (facts.status === 'closed') return 'case_closed';
  if (facts.restricted) return 'restricted';
  if (!isAssigneeOrLead(facts.assigneeId, caller)) return 'not_assignee';
  if (facts.reportIds.length === 0 || reportIds.length === 0) return 'no_report';
  const inCase = new Set(facts.reportIds);
  if (reportIds.some((id) => !inCase.has(id.toLowerCase()))) return 'report_not_in_case';
  if (justificationLength(justification) < MIN_JUSTIFICATION_LENGTH) return 'justification_too_short';
  return undefined;
}

/** No content role: `role_pending` when its approval is all that is missing. */
function roleRefusalOf(caller: GateCaller): 'role' | 'role_pending' | undefined {
  if (canAccess(caller.roles, 'conversation.open')) return undefined;
  return canAccess([...caller.roles, ...caller.pendingRoles], 'conversation.open') ? 'role_pending' : 'role';
}

/**
 * Reading with a grant: its holder, in time — and still allowed to open the case as the gate
 * would decide now, in the session that obtained it. Otherwise the grant was revoked, and why.
 */
function readRefusalOf(
  caller: GateCaller,
  grant: GrantRow | undefined,
  state: CaseState | undefined,
  sessionEnd: SessionEnd | undefined,
  at: Date,
): ReadRefusal | undefined {
  if (!grant || !state) return { reason: 'grant_not_found' };
  if (grant.staffId !== caller.id) return { reason: 'not_grant_holder' };
  if (at.getTime() >= grant.expiresAt.getTime()) return { reason: 'grant_expired' };
  const cause = revocationOf(caller, grant, state, sessionEnd);
  return cause ? { reason: 'grant_revoked', cause } : undefined;
}

function revocationOf(
  caller: GateCaller,
  grant: GrantRow,
  state: CaseState,
  sessionEnd: SessionEnd | undefined,
): GrantRevocationCause | undefined {
  if (sessionEnd === 'account_disabled') return 'account_disabled';
  if (!canAccess(caller.roles, 'conversation.open')) return 'roles_changed';
  if (sessionEnd === 'expired') return 'session_expired';
  // Signed out, or every session closed by a password change.
  if (sessionEnd) return 'signed_out';
  if (state.dataPurged) return 'data_purged';
  if (state.status === 'closed') return 'case_closed';
  if (state.restricted) return 'restricted';
  if (!isAssigneeOrLead(state.assigneeId, caller)) {
    // A lead's grant on someone else's case ends when the lead role does, not by a reassignment.
    if (isAssigneeOrLead(state.assigneeId, { id: caller.id, roles: grant.grantedRoles })) return 'roles_changed';
    return state.assigneeId ? 'reassigned' : 'unassigned';
  }
  return undefined;
}
