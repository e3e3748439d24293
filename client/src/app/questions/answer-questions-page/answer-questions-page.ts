import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, numberAttribute, resource, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { questionStatuses, type QuestionStatus, type StaffQuestion } from '@shared/questions/questions';
import { Pager } from '../../catalog/pager/pager';
import { describeApiError } from '../../core/http/api-error';
import { LoadError } from '../../core/load-error';
import { refetchOnReconnect, ShopSocket } from '../../core/realtime/shop-socket';
import { QuestionsApi, type QuestionsScope } from '../questions-api';
import { AnswerForm } from './answer-form';

export const answerQuestionsPageSize = 20;

function isQuestionStatus(value: unknown): value is QuestionStatus {
  return typeof value === 'string' && (questionStatuses as readonly string[]).includes(value);
}

const introductions: Record<QuestionsScope, string> = {
  admin: 'Shoppers’ questions about every product. Answer for the shop, or step in for a seller; the answer shows on the product page under the shop’s name.',
  seller: 'Shoppers’ questions about your products. Your answer shows on the product page under your name, and the shopper is told at once.',
};

/**
 * The questions to answer, and those answered: the admins' page (`/admin/questions`, every
 * question) or a seller's (their own products'), chosen by the route's `data: { scope }`. Each
 * waiting question has its answer form inline. New questions are announced, not shown in the
 * middle of someone's typing: a button brings them in.
 */
@Component({
  selector: 'shop-answer-questions-page',
  imports: [AnswerForm, DatePipe, LoadError, Pager, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './answer-questions-page.html',
  styleUrl: './answer-questions-page.scss',
})
export class AnswerQuestionsPage {
  private readonly api = inject(QuestionsApi);

  /** From the route's data: whose questions. */
  readonly scope = input<QuestionsScope>('admin');
  /** `?status=&page=` in the address; waiting questions by default. */
  readonly status = input<QuestionStatus, unknown>('unanswered', { transform: (value: unknown) => (isQuestionStatus(value) ? value : 'unanswered') });
  readonly page = input(1, { transform: (value: unknown) => Math.max(1, numberAttribute(value, 1)) });

  protected readonly questions = resource({
    params: () => ({ scope: this.scope(), status: this.status(), page: this.page() }),
    loader: ({ params }) => this.api.toAnswer(params.scope, params.status, params.page, answerQuestionsPageSize),
  });
  protected readonly pageCount = computed(() => (this.questions.hasValue() ? Math.max(1, Math.ceil(this.questions.value().total / this.questions.value().limit)) : 1));
  protected readonly loadError = computed(() => describeApiError(this.questions.error()).message);
  protected readonly introduction = computed(() => introductions[this.scope()]);
  protected readonly countText = computed(() => {
    if (!this.questions.hasValue()) return null;
    const { total } = this.questions.value();
    const noun = total === 1 ? 'question' : 'questions';
    return this.status() === 'unanswered' ? `${total} ${noun} waiting` : `${total} ${noun} answered`;
  });

  protected readonly statusMessage = signal<string | null>(null);
  /** Questions asked since the list was loaded, not yet shown. */
  protected readonly newArrivals = signal(0);

  constructor() {
    refetchOnReconnect(() => this.showLatest());
    const socket = inject(ShopSocket);
    effect((onCleanup) => {
      if (this.status() !== 'unanswered') return;
      onCleanup(untracked(() => socket.onQuestionAsked(() => this.newArrivals.update((count) => count + 1))));
    });
    // Another tab or page: what was announced is in what it loads.
    effect(() => {
      this.scope();
      this.status();
      this.page();
      untracked(() => this.newArrivals.set(0));
    });
  }

  protected showLatest(): void {
    this.statusMessage.set(null);
    this.newArrivals.set(0);
    this.questions.reload();
  }

  /** The answered question stays where it was, with its answer, until the list is loaded again. */
  protected markAnswered(answered: StaffQuestion): void {
    this.questions.update((list) => list && { ...list, items: list.items.map((item) => (item.id === answered.id ? answered : item)) });
    this.statusMessage.set(`Your answer to ${answered.askerName} about ${answered.product.title} is on the product page, and they have been told.`);
  }
}
