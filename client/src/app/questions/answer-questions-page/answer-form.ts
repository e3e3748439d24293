import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { answerInputSchema, maxAnswerLength, type StaffQuestion } from '@shared/questions/questions';
import { FieldError, showsError } from '../../core/forms/field-error';
import { FormSubmission } from '../../core/forms/form-submission';
import { schemaValidator } from '../../core/forms/schema-validator';
import { QuestionsApi } from '../questions-api';

/** The inline answer under one waiting question of the answer page. */
@Component({
  selector: 'shop-answer-form',
  imports: [FieldError, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="answer-form" [formGroup]="form" (ngSubmit)="send()" novalidate>
      <div class="field">
        <label [for]="fieldId()">Your answer to {{ question().askerName }}</label>
        <textarea
          [id]="fieldId()"
          formControlName="text"
          rows="3"
          [attr.maxlength]="maxLength"
          [attr.aria-describedby]="fieldId() + '-error'"
          [attr.aria-invalid]="showsError(form.controls.text)"
        ></textarea>
        <shop-field-error [id]="fieldId() + '-error'" label="Your answer" [control]="form.controls.text" />
      </div>
      <div class="form-error" role="alert">@if (submission.error(); as message) { {{ message }} }</div>
      <button type="submit" [disabled]="submission.submitting()">{{ submission.submitting() ? 'Posting…' : 'Post the answer' }}</button>
    </form>
  `,
  styles: `
    .answer-form { margin-top: 0.75rem; }
    .field { margin-bottom: 0.6rem; }
    textarea { resize: vertical; min-height: 4.5rem; }
  `,
})
export class AnswerForm {
  private readonly api = inject(QuestionsApi);

  readonly question = input.required<StaffQuestion>();
  /** The question with its answer, once the shop has it. */
  readonly answered = output<StaffQuestion>();

  protected readonly maxLength = maxAnswerLength;
  protected readonly form = inject(NonNullableFormBuilder).group({ text: ['', schemaValidator(answerInputSchema.shape.text)] });
  protected readonly submission = new FormSubmission(this.form, { focusWithin: inject<ElementRef<HTMLElement>>(ElementRef).nativeElement });
  protected readonly showsError = showsError;

  protected fieldId(): string {
    return `answer-${this.question().id}`;
  }

  protected async send(): Promise<void> {
    await this.submission.submit(async () => {
      this.answered.emit(await this.api.answer(this.question().id, this.form.controls.text.value));
    });
  }
}
