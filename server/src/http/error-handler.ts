import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody, ErrorCode, FieldIssue } from '@shared/errors';
import { ZodError } from 'zod';
import { AppError } from './app-error';

/** Unknown /api routes answer in the error shape instead of falling through to the Angular app. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'not_found', `No route for ${req.method} ${req.baseUrl}${req.path}`));
};

export function zodIssuesToDetails(error: ZodError, location: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [location, ...issue.path.map(String)].join('.'),
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
}

/** Errors thrown by body-parser and friends carry `type` and `status`. */
interface HttpLibraryError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

const libraryErrors: Record<string, { status: number; code: ErrorCode; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'malformed_json', message: 'The request body is not valid JSON' },
  'entity.too.large': { status: 413, code: 'payload_too_large', message: 'The request body is too large' },
  'encoding.unsupported': { status: 415, code: 'unsupported_media_type', message: 'Unsupported content encoding' },
  'charset.unsupported': { status: 415, code: 'unsupported_media_type', message: 'Unsupported charset' },
  'request.aborted': { status: 400, code: 'validation_failed', message: 'The request was aborted' },
  'request.size.invalid': { status: 400, code: 'validation_failed', message: 'The request size did not match Content-Length' },
};

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError(400, 'validation_failed', 'The request is invalid', zodIssuesToDetails(error, 'body'));
  }
  const libraryError = error as HttpLibraryError | null;
  const known = libraryError?.type ? libraryErrors[libraryError.type] : undefined;
  if (known) return new AppError(known.status, known.code, known.message);
  const status = libraryError?.status ?? libraryError?.statusCode;
  if (status && status >= 400 && status < 500) {
    return new AppError(status, status === 404 ? 'not_found' : 'validation_failed', 'The request could not be processed');
  }
  return undefined;
}

/** The one error handler: known errors get their status and code; anything else is logged and hidden. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const known = toAppError(error);
  const appError = known ?? new AppError(500, 'internal_error', 'Something went wrong on our side; please try again');
  if (!known) req.log.error({ err: error }, 'unhandled error');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body: ErrorBody = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.details ? { details: appError.details } : {}),
    },
  };
  res.status(appError.status).json(body);
};
