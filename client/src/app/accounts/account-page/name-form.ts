import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { type Profile, updateProfileRequestSchema } from '@shared/accounts/accounts';
import { FieldError, showsError } from '../../core/forms/field-error';
import { FormSubmission } from '../../core/forms/form-submission';
import { schemaValidator } from '../../core/forms/schema-validator';
import { AccountApi } from '../account-api';

@Component({
  selector: 'shop-name-form',
  imports: [ReactiveFormsModule, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel wide" aria-labelledby="name-heading">
      <h2 id="name-heading">Your name</h2>
      <div class="form-success" role="status">@if (saved()) { Your name has been saved. }</div>
      <div class="form-error" role="alert">@if (submission.error(); as message) { {{ message }} }</div>
      <form [formGroup]="form" (ngSubmit)="saveName()" novalidate>
        <div class="field">
          <label for="profile-name">Name</label>
          <input id="profile-name" type="text" formControlName="name" autocomplete="name" maxlength="120"
            aria-describedby="profile-name-error" [attr.aria-invalid]="showsError(form.controls.name)" />
          <shop-field-error id="profile-name-error" label="Name" [control]="form.controls.name" />
        </div>
        <button type="submit" [disabled]="submission.submitting()">{{ submission.submitting() ? 'Saving…' : 'Save name' }}</button>
      </form>
    </section>
  `,
})
export class NameForm {
  private readonly api = inject(AccountApi);

  readonly profile = input.required<Profile>();
  readonly profileChange = output<Profile>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', schemaValidator(updateProfileRequestSchema.shape.name)],
  });

  protected readonly submission = new FormSubmission(this.form);
  protected readonly saved = signal(false);
  protected readonly showsError = showsError;

  constructor() {
    effect(() => this.form.reset({ name: this.profile().name }));
  }

  protected async saveName(): Promise<void> {
    this.saved.set(false);
    await this.submission.submit(async () => {
      this.profileChange.emit(await this.api.updateProfile(this.form.getRawValue()));
      this.saved.set(true);
    });
  }
}
