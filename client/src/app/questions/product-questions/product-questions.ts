import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, input, linkedSignal, resource, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { maxQuestionLength, questionInputSchema } from '@shared/questions/questions';
import { AuthStore } from '../../core/auth/auth-store';
import { FieldError, showsError } from '../../core/forms/field-error';
import { FormSubmission } from '../../core/forms/form-submission';
import { schemaValidator } from '../../core/forms/schema-validator';
import { describeApiError } from '../../core/http/api-error';
import { LoadError } from '../../core/load-error';
import { refetchOnReconnect, ShopSocket } from '../../core/realtime/shop-socket';
import { QuestionsApi } from '../questions-api';

/** Answered questions shown at a time; older ones are a page away. */
export const productQuestionsPageSize = 5;

/**
 * The product page's questions: answered ones for everyone, the signed-in shopper's own waiting
 * ones marked as such, and a form to ask (a sign-in link for guests). When one of the shopper's
 * questions is answered while the page is open, the list is fetched again. Every text is shown by
 * interpolation, so markup in a question reads as the characters that were typed.
 */
@Component({
  selector: 'shop-product-questions',
  imports: [DatePipe, FieldError, LoadError, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './product-questions.html',
  styleUrl: './product-questions.scss',
})
export class ProductQuestions {
  private readonly api = inject(QuestionsApi);
  private readonly router = inject(Router);
  protected readonly auth = inject(AuthStore);

  readonly productId = input.required<string>();
  /** Who will answer, said under the form: the seller's name, or the shop's. */
  readonly sellerName = input('the seller');

  /** Back to the newest answers for every product. */
  protected readonly page = linkedSignal({ source: this.productId, computation: () => 1 });
  protected readonly questions = resource({
    // The user is a parameter: signing in or out changes the waiting questions shown.
    params: () => ({ productId: this.productId(), page: this.page(), userId: this.auth.user()?.id }),
    loader: ({ params }) => this.api.forProduct(params.productId, params.page, productQuestionsPageSize),
  });
  protected readonly pageCount = computed(() => (this.questions.hasValue() ? Math.max(1, Math.ceil(this.questions.value().total / this.questions.value().limit)) : 1));
  protected readonly loadError = computed(() => describeApiError(this.questions.error()).message);
  protected readonly returnHere = computed(() => this.router.url);

  protected readonly maxLength = maxQuestionLength;
  protected readonly form = inject(NonNullableFormBuilder).group({ text: ['', schemaValidator(questionInputSchema.shape.text)] });
  protected readonly submission = new FormSubmission(this.form, { focusWithin: inject<ElementRef<HTMLElement>>(ElementRef).nativeElement });
  protected readonly showsError = showsError;
  protected readonly thanks = linkedSignal<string, string | null>({ source: this.productId, computation: () => null });
  protected readonly typedLength = signal(0);

  constructor() {
    refetchOnReconnect(() => this.questions.reload());
    // Only askers hear of answers, so a guest's page opens no connection for this.
    const socket = inject(ShopSocket);
    effect((onCleanup) => {
      if (!this.auth.isSignedIn()) return;
      const stop = untracked(() =>
        socket.onQuestionAnswered(({ productId }) => {
          if (productId === this.productId()) this.questions.reload();
        }),
      );
      onCleanup(stop);
    });
    this.form.controls.text.valueChanges.subscribe((text) => this.typedLength.set(text.length));
  }

  protected async ask(): Promise<void> {
    this.thanks.set(null);
    const productId = this.productId();
    const sent = await this.submission.submit(async () => {
      const question = await this.api.ask(productId, this.form.controls.text.value);
      this.questions.update((page) => page && { ...page, pending: [question, ...page.pending] });
    });
    if (!sent) return;
    this.form.reset();
    this.thanks.set(`Thank you! Your question is waiting for an answer from ${this.sellerName()}; you will see it here, and we will tell you when it arrives.`);
  }

  protected showPage(page: number): void {
    this.page.set(Math.min(Math.max(1, page), this.pageCount()));
  }
}
