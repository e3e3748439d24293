import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ProductQuestion, ProductQuestions, QuestionStatus, StaffQuestion, StaffQuestionList } from '@shared/questions/questions';
import { firstValueFrom } from 'rxjs';
import { queryParams } from '../orders/orders-api';

/** Whose questions an answer page lists: the signed-in seller's own products', or every one for admins. */
export type QuestionsScope = 'seller' | 'admin';

/** Shopper questions: /api/products/:id/questions, /api/questions/:id/answers and the answer pages' lists. */
@Injectable({ providedIn: 'root' })
export class QuestionsApi {
  private readonly http = inject(HttpClient);

  /** A page of a product's answered questions, and the signed-in shopper's own waiting ones. */
  forProduct(productId: string, page: number, limit: number): Promise<ProductQuestions> {
    return firstValueFrom(
      this.http.get<ProductQuestions>(`/api/products/${encodeURIComponent(productId)}/questions`, { params: queryParams({ page: page > 1 ? String(page) : undefined, limit: String(limit) }) }),
    );
  }

  ask(productId: string, text: string): Promise<ProductQuestion> {
    return firstValueFrom(this.http.post<ProductQuestion>(`/api/products/${encodeURIComponent(productId)}/questions`, { text }));
  }

  answer(questionId: string, text: string): Promise<StaffQuestion> {
    return firstValueFrom(this.http.post<StaffQuestion>(`/api/questions/${encodeURIComponent(questionId)}/answers`, { text }));
  }

  toAnswer(scope: QuestionsScope, status: QuestionStatus, page: number, limit: number): Promise<StaffQuestionList> {
    return firstValueFrom(
      this.http.get<StaffQuestionList>(`/api/${scope}/questions`, { params: queryParams({ status, page: page > 1 ? String(page) : undefined, limit: String(limit) }) }),
    );
  }
}
