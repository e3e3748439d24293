import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { applyApiErrors } from '../forms/form-api-errors';
import { describeApiError } from './api-error';

function apiError(status: number, error: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error, url: '/api/x' });
}

describe('describeApiError', () => {
  it("uses the API's own sentence", () => {
    const problem = describeApiError(apiError(401, { error: { code: 'unauthenticated', message: 'Wrong email or password' } }));
    expect(problem).toEqual({ status: 401, code: 'unauthenticated', message: 'Wrong email or password', details: [] });
  });

  it('explains network failures and server faults in plain words', () => {
    expect(describeApiError(apiError(0, null)).message).toContain("couldn't reach the shop");
    expect(describeApiError(apiError(500, { error: { code: 'internal_error', message: 'Internal error' } })).message).toContain('on our side');
    expect(describeApiError(apiError(429, 'Too Many Requests')).message).toContain('Too many attempts');
    expect(describeApiError(new Error('boom')).message).toBe('Something went wrong. Please try again.');
  });

  it("replaces the API's generic validation sentence", () => {
    const problem = describeApiError(apiError(400, { error: { code: 'validation_failed', message: 'Invalid body', details: [{ path: 'body.email', message: 'x' }] } }));
    expect(problem.message).toBe('Please check the highlighted fields.');
    expect(problem.details).toEqual([{ path: 'body.email', message: 'x' }]);
  });
});

describe('applyApiErrors', () => {
  it('puts each issue on the control its path names and keeps the rest in the sentence', () => {
    const form = new FormGroup({ email: new FormControl(''), password: new FormControl('') });
    const message = applyApiErrors(
      form,
      apiError(400, {
        error: {
          code: 'validation_failed',
          message: 'Invalid body',
          details: [
            { path: 'body.password', message: 'is too common' },
            { path: 'body.captcha', message: 'is missing' },
          ],
        },
      }),
    );
    expect(form.controls.password.errors).toEqual({ server: 'is too common' });
    expect(form.controls.password.touched).toBeTrue();
    expect(form.controls.email.errors).toBeNull();
    expect(message).toBe('Please check the highlighted fields. (is missing)');
  });

  it('can map paths that differ from the control names', () => {
    const form = new FormGroup({ current: new FormControl('') });
    applyApiErrors(form, apiError(400, { error: { code: 'validation_failed', message: 'Your current password is not right', details: [{ path: 'body.password', message: 'is wrong' }] } }), {
      'body.password': 'current',
    });
    expect(form.controls.current.errors).toEqual({ server: 'is wrong' });
  });
});
