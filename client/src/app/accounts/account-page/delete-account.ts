import { afterNextRender, ChangeDetectionStrategy, Component, type ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { AuthStore } from '../../core/auth/auth-store';
import { FieldError, showsError } from '../../core/forms/field-error';
import { FormSubmission } from '../../core/forms/form-submission';
import { AccountApi } from '../account-api';

@Component({
  selector: 'shop-delete-account',
  imports: [ReactiveFormsModule, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel wide danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete your account</h2>
      <p class="lead">Your profile, addresses and sign-ins are erased for good. Orders you placed are kept for our accounts, without your name.</p>
      @if (confirming()) {
        <form [formGroup]="form" (ngSubmit)="deleteAccount()" novalidate aria-labelledby="delete-confirm-heading">
          <p class="form-info" id="delete-confirm-heading"><strong>Are you sure?</strong> This cannot be undone.</p>
          <div class="form-error" role="alert">@if (submission.error(); as message) { {{ message }} }</div>
          @if (hasPassword()) {
            <div class="field">
              <label for="delete-password">Your password, to confirm</label>
              <input #firstField id="delete-password" type="password" formControlName="password" autocomplete="current-password" maxlength="256"
                aria-describedby="delete-password-error" [attr.aria-invalid]="showsError(form.controls.password)" />
              <shop-field-error id="delete-password-error" label="Password" [control]="form.controls.password" />
            </div>
          }
          <div class="actions">
            <button type="submit" class="danger" [disabled]="submission.submitting()">{{ submission.submitting() ? 'Deleting…' : 'Delete my account permanently' }}</button>
            <button type="button" class="secondary" [disabled]="submission.submitting()" (click)="cancel()">Keep my account</button>
          </div>
        </form>
      } @else {
        <button type="button" class="danger" (click)="askToConfirm()">Delete my account</button>
      }
    </section>
  `,
  styles: `.danger-zone { box-shadow: inset 0 0 0 1.5px #f1b8b0, 0 1px 2px rgb(0 0 0 / 6%); }`,
})
export class DeleteAccount {
  private readonly api = inject(AccountApi);
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly firstField = viewChild<ElementRef<HTMLInputElement>>('firstField');

  /** Accounts made through social login have no password to ask for. */
  readonly hasPassword = input.required<boolean>();

  protected readonly form = inject(NonNullableFormBuilder).group({ password: [''] });
  protected readonly confirming = signal(false);
  protected readonly submission = new FormSubmission(this.form);
  protected readonly showsError = showsError;

  protected askToConfirm(): void {
    this.confirming.set(true);
    afterNextRender(() => this.firstField()?.nativeElement.focus(), { injector: this.injector });
  }

  protected cancel(): void {
    this.confirming.set(false);
    this.submission.clearError();
    this.form.reset();
  }

  protected async deleteAccount(): Promise<void> {
    if (this.submission.submitting()) return;
    const password = this.form.controls.password.value;
    // Only accounts with a password are asked for it, and only once they try to delete, so no
    // validator says so: the error is set here (not while a deletion runs) and submit refuses.
    if (this.hasPassword() && password === '') this.form.controls.password.setErrors({ required: true });
    const deleted = await this.submission.submit(() => this.api.deleteAccount(this.hasPassword() ? { password } : {}));
    if (!deleted) return;
    this.store.clear();
    await this.router.navigateByUrl('/');
  }
}
