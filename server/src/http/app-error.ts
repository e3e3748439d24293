import type { ErrorCode, FieldIssue } from '@shared/errors';

/** The one error class: known failures carry the status and code the client will see. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what = 'Resource'): AppError {
    return new AppError(404, 'not_found', `${what} not found`);
  }

  static conflict(message: string, code: ErrorCode = 'conflict'): AppError {
    return new AppError(409, code, message);
  }
}
