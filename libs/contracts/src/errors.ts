/** The body of every error the API answers. Never carries a stack trace or personal data. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  /** Why the gate refused (`POST /cases/:id/access`, `GET /access-grants/:id/messages`). */
  reason?: string;
  requestId?: string;
}
