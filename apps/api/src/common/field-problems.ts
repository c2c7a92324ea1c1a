import { type FieldProblem, type FieldProblemCode, isFieldProblemCode } from '@vigie/contracts';
import type { z } from 'zod';

// Origins whose size is a length (characters, items) rather than a magnitude.
const LENGTHS = new Set(['string', 'array', 'set', 'file']);

/** The stable code of one zod issue: declared by the schema (`params.code`) or derived from zod's own. */
export function fieldProblemCodeOf(issue: z.core.$ZodIssue): FieldProblemCode {
  switch (issue.code) {
    case 'custom': {
      const declared: unknown = issue.params?.code;
      return isFieldProblemCode(declared) ? declared : 'invalid_value';
    }
    case 'invalid_type':
      // Parsed with `reportInput`: a missing field is the commonest problem and has its own code.
      return 'input' in issue && issue.input === undefined ? 'required' : 'invalid_type';
    case 'too_small':
      if (!LENGTHS.has(issue.origin)) return 'too_small';
      // An empty text where one character is needed: nothing was typed.
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? 'required' : 'too_short';
    case 'too_big':
      return LENGTHS.has(issue.origin) ? 'too_long' : 'too_big';
    case 'invalid_format':
      return issue.format === 'email' ? 'email_invalid' : 'invalid_format';
    case 'unrecognized_keys':
      return 'unknown_field';
    default:
      return 'invalid_value';
  }
}

/** Field problems of a failed parse; `where` names the problem of the value as a whole (`body`, `query`…). */
export function fieldProblemsOf(error: z.ZodError, where: string): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : where),
    code: fieldProblemCodeOf(issue),
    message: issue.message,
  }));
}
