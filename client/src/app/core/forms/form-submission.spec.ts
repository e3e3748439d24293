import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { FormSubmission } from './form-submission';

function signInForm(email = 'shopper@demo.shop') {
  return new FormGroup({ email: new FormControl(email, Validators.required), password: new FormControl('secret') });
}

/** An action the test finishes when it chooses, to look at the submission while it runs. */
function pendingAction() {
  let succeed!: () => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    succeed = resolve;
    fail = reject;
  });
  return { action: jasmine.createSpy('action').and.returnValue(done), succeed, fail };
}

const emailRejected = new HttpErrorResponse({
  status: 400,
  url: '/api/auth/login',
  error: { error: { code: 'validation_failed', message: 'Invalid body', details: [{ path: 'body.email', message: 'must be a valid email address' }] } },
});
const wrongPassword = new HttpErrorResponse({ status: 401, url: '/api/auth/login', error: { error: { code: 'unauthenticated', message: 'Wrong email or password' } } });

describe('FormSubmission', () => {
  it('runs the action with submitting set, and resolves true once it succeeds', async () => {
    const submission = new FormSubmission(signInForm());
    const { action, succeed } = pendingAction();

    const result = submission.submit(action);
    expect(action).toHaveBeenCalledTimes(1);
    expect(submission.submitting()).toBeTrue();
    succeed();

    expect(await result).toBeTrue();
    expect(submission.submitting()).toBeFalse();
    expect(submission.error()).toBeNull();
  });

  it('frees the form again when the action fails, and resolves false', async () => {
    const submission = new FormSubmission(signInForm());
    const { action, fail } = pendingAction();

    const result = submission.submit(action);
    expect(submission.submitting()).toBeTrue();
    fail(wrongPassword);

    expect(await result).toBeFalse();
    expect(submission.submitting()).toBeFalse();
  });

  it('ignores a second submit while the first runs', async () => {
    const submission = new FormSubmission(signInForm());
    const { action, succeed } = pendingAction();
    const first = submission.submit(action);

    expect(await submission.submit(action)).toBeFalse();
    expect(action).toHaveBeenCalledTimes(1);
    succeed();
    expect(await first).toBeTrue();
  });

  it('marks every field touched and does not call the action while the form is invalid', async () => {
    const form = signInForm('');
    const submission = new FormSubmission(form);
    const action = jasmine.createSpy('action').and.resolveTo();

    expect(await submission.submit(action)).toBeFalse();
    expect(action).not.toHaveBeenCalled();
    expect(form.controls.email.touched).toBeTrue();
    expect(form.controls.password.touched).toBeTrue();
    expect(submission.submitting()).toBeFalse();
  });

  it('moves focus to the first invalid field of the page it is given when it refuses to submit', async () => {
    const page = document.createElement('div');
    page.innerHTML = '<input id="valid" class="ng-valid" /><input id="first-invalid" class="ng-invalid" /><input class="ng-invalid" />';
    document.body.append(page);
    try {
      const submission = new FormSubmission(signInForm(''), { focusWithin: page });
      await submission.submit(jasmine.createSpy('action'));
      expect(document.activeElement?.id).toBe('first-invalid');
    } finally {
      page.remove();
    }
  });

  it("shows the API's sentence above the form and its field issues on the controls they name", async () => {
    const form = signInForm('not-an-address');
    const submission = new FormSubmission(form);

    expect(await submission.submit(() => Promise.reject(emailRejected))).toBeFalse();
    expect(submission.error()).toBe('Please check the highlighted fields.');
    expect(form.controls.email.errors).toEqual({ server: 'must be a valid email address' });
    expect(form.controls.email.touched).toBeTrue();
    expect(form.controls.password.errors).toBeNull();
    expect(submission.submitting()).toBeFalse();
  });

  it('shows an action that throws before it awaits anything like any other failure', async () => {
    const submission = new FormSubmission(signInForm());
    const result = await submission.submit(() => {
      throw new Error('boom');
    });
    expect(result).toBeFalse();
    expect(submission.error()).toBe('Something went wrong. Please try again.');
    expect(submission.submitting()).toBeFalse();
  });

  it('clears the last error as soon as a new submit goes out', async () => {
    const submission = new FormSubmission(signInForm());
    await submission.submit(() => Promise.reject(wrongPassword));
    expect(submission.error()).toBe('Wrong email or password');

    const { action, succeed } = pendingAction();
    const retry = submission.submit(action);
    expect(submission.error()).toBeNull();
    succeed();
    await retry;
    expect(submission.error()).toBeNull();
  });

  it('keeps the last error when a new submit is refused as invalid', async () => {
    const form = signInForm();
    const submission = new FormSubmission(form);
    await submission.submit(() => Promise.reject(wrongPassword));
    form.controls.email.setValue('');

    await submission.submit(jasmine.createSpy('action'));
    expect(submission.error()).toBe('Wrong email or password');
  });

  it('lets the page show a failure its own way instead', async () => {
    const form = signInForm();
    const showFailure = jasmine.createSpy('showFailure').and.returnValue(null);
    const submission = new FormSubmission(form, { showFailure });

    await submission.submit(() => Promise.reject(emailRejected));
    expect(showFailure).toHaveBeenCalledOnceWith(emailRejected);
    expect(submission.error()).toBeNull();
    expect(form.controls.email.errors).withContext('the default is not applied as well').toBeNull();
  });

  it('forgets the error when the form is put away', async () => {
    const submission = new FormSubmission(signInForm());
    await submission.submit(() => Promise.reject(wrongPassword));
    submission.clearError();
    expect(submission.error()).toBeNull();
  });
});
