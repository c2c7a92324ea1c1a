import { HttpException, HttpStatus } from '@nestjs/common';
import type { GateRefusal } from '@vigie/contracts';

const STATUS: Partial<Record<GateRefusal, number>> = {
  case_not_found: HttpStatus.NOT_FOUND,
  grant_not_found: HttpStatus.NOT_FOUND,
  grant_expired: HttpStatus.GONE,
};

const MESSAGES: Record<GateRefusal, string> = {
  role: 'Only moderators and leads may open conversations.',
  case_not_found: 'No such case.',
  data_purged: "This case's data was erased by retention.",
  case_closed: 'This case is closed.',
  not_assignee: 'Only the assignee of the case, or a lead, may open its conversation.',
  no_report: 'Name the report(s) this access relies on.',
  report_not_in_case: 'A named report does not belong to this case.',
  justification_too_short: 'The justification needs at least 15 characters.',
  grant_not_found: 'No such access grant.',
  not_grant_holder: 'This access grant is not yours.',
  grant_expired: 'This access grant has expired: ask for a new one.',
};

/** A refusal of the gate: 403 (404, 410 where they say more) with a stable `reason`, already recorded. */
export class GateRefusedException extends HttpException {
  constructor(readonly reason: GateRefusal) {
    super({ message: MESSAGES[reason], reason, details: { code: reason } }, STATUS[reason] ?? HttpStatus.FORBIDDEN);
  }
}
