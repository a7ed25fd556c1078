// The one error shape every face returns. Codes are stable; messages are for people.

export type ErrorCode =
  | 'UNKNOWN_METHOD'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'UNSUPPORTED'
  | 'NO_WORKBOOK'
  | 'FILE_ERROR'
  /** The workbook is being written by someone else (an import); try again in a moment. */
  | 'BUSY'
  /** The disk is full; nothing was changed. */
  | 'DISK_FULL'
  | 'INTERNAL';

export interface FieldIssue {
  /** Dotted path of the field, such as "name" or "changes.exitDate". */
  field: string;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
  toBody(): ApiErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}
