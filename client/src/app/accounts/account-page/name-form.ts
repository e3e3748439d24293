import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { type Profile, updateProfileRequestSchema } from '@shared/accounts/accounts';
import { FieldError, showsError } from '../../core/forms/field-error';
import { applyApiErrors } from '../../core/forms/form-api-errors';
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
      <div class="form-error" role="alert">@if (formError(); as message) { {{ message }} }</div>
      <form [formGroup]="form" (ngSubmit)="saveName()" novalidate>
        <div class="field">
          <label for="profile-name">Name</label>
          <input id="profile-name" type="text" formControlName="name" autocomplete="name" maxlength="120"
            aria-describedby="profile-name-error" [attr.aria-invalid]="showsError(form.controls.name)" />
          <shop-field-error id="profile-name-error" label="Name" [control]="form.controls.name" />
        </div>
        <button type="submit" [disabled]="submitting()">{{ submitting() ? 'Saving…' : 'Save name' }}</button>
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

  protected readonly submitting = signal(false);
  protected readonly saved = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly showsError = showsError;

  constructor() {
    effect(() => this.form.reset({ name: this.profile().name }));
  }

  protected async saveName(): Promise<void> {
    if (this.submitting()) return;
    this.saved.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.formError.set(null);
    try {
      this.profileChange.emit(await this.api.updateProfile(this.form.getRawValue()));
      this.saved.set(true);
    } catch (error) {
      this.formError.set(applyApiErrors(this.form, error));
    } finally {
      this.submitting.set(false);
    }
  }
}
