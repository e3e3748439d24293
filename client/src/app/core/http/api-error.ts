import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorBody, ErrorCode, FieldIssue } from '@shared/errors';

/** An API failure reduced to what a page needs: a sentence for the shopper and the field issues. */
export interface ApiProblem {
  status: number;
  code: ErrorCode | null;
  message: string;
  details: FieldIssue[];
}

/** Messages the API gives for schema failures; they name the request part, not the problem. */
export const checkTheFieldsMessage = 'Please check the highlighted fields.';

const genericValidationMessages = /^(Invalid (body|query|params)|The request is invalid)$/;

function errorBodyOf(error: HttpErrorResponse): ErrorBody['error'] | null {
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const inner = (body as { error: unknown }).error;
  if (typeof inner !== 'object' || inner === null || typeof (inner as { message?: unknown }).message !== 'string') return null;
  return inner as ErrorBody['error'];
}

export function describeApiError(error: unknown): ApiProblem {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: -1, code: null, message: 'Something went wrong. Please try again.', details: [] };
  }
  if (error.status === 0) {
    return { status: 0, code: null, message: "We couldn't reach the shop. Please check your connection and try again.", details: [] };
  }
  const body = errorBodyOf(error);
  const details = Array.isArray(body?.details) ? body.details : [];
  const code = body?.code ?? null;
  let message: string;
  if (error.status >= 500) message = 'Something went wrong on our side. Please try again in a moment.';
  else if (code === 'validation_failed' && (!body || genericValidationMessages.test(body.message))) message = checkTheFieldsMessage;
  else if (body) message = body.message;
  else if (error.status === 429) message = 'Too many attempts. Please wait a few minutes and try again.';
  else if (error.status === 401) message = 'Please sign in to continue.';
  else if (error.status === 403) message = "You don't have permission to do that.";
  else if (error.status === 404) message = "We couldn't find what you were looking for.";
  else message = 'Something went wrong. Please try again.';
  return { status: error.status, code, message, details };
}
