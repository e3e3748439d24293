import {
  answerInputSchema,
  productQuestionParamsSchema,
  productQuestionSchema,
  productQuestionsQuerySchema,
  productQuestionsSchema,
  questionIdParamsSchema,
  questionInputSchema,
  staffQuestionListQuerySchema,
  staffQuestionListSchema,
  staffQuestionSchema,
} from '@shared/questions/questions';
import type { AccountsContext } from '../accounts/accounts-context';
import type { CatalogSource } from '../catalog/catalog-source';
import type { ShopEvents } from '../events/shop-events';
import type { ApiRoutes } from '../http/api-routes';
import { sellersInGoodStanding } from '../seller-api/seller-api-auth';
import type { SellerAccess } from '../seller-api/seller-api.routes';
import { questionRateLimit, type QuestionRateLimitOptions } from './question-rate-limit';
import { answerQuestion, askQuestion, listProductQuestions, listStaffQuestions } from './questions.service';

export interface QuestionRoutesOptions {
  /** Questions a user may ask per window (10 an hour by default); specs lower it. */
  askLimit?: QuestionRateLimitOptions;
}


const plainTextNote = 'Texts are plain text: they are stored and answered exactly as sent (trimmed), never as HTML, and clients show them as text.';

/** Shopper questions (issue 11, item 5): asked on the product page, answered by its seller or an admin. */
export function registerQuestionRoutes(
  api: ApiRoutes,
  context: { catalog: CatalogSource; events: ShopEvents; accounts: Pick<AccountsContext, 'redis'>; sellerAccess: SellerAccess },
  options: QuestionRoutesOptions = {},
): void {
  const perUserLimit = questionRateLimit(context.accounts.redis, options.askLimit);

  api.add({
    method: 'get', path: '/products/:productId/questions', tag: 'Questions', auth: { optional: true },
    summary: 'A product\'s answered questions, newest first; a signed-in asker also gets their own waiting ones',
    description: `Answered questions are public. Questions still waiting for an answer are shown to their asker only, in \`pending\`. An unknown product, or one not on sale, is 404. ${plainTextNote}`,
    params: productQuestionParamsSchema,
    query: productQuestionsQuerySchema,
    response: { status: 200, description: 'A page of answered questions, and the caller\'s own waiting ones', schema: productQuestionsSchema },
    errors: [404],
    handler: ({ params, query, user }) => listProductQuestions(context.catalog, params.productId, query, user),
  });

  api.add({
    method: 'post', path: '/products/:productId/questions', tag: 'Questions', auth: {},
    summary: 'Ask a question about a product on sale',
    description:
      'Any signed-in user may ask. The product\'s seller (or, for the shop\'s own products, the admins) hears `question:asked` over socket.io; ' +
      'the asker hears `question:answered` once it is answered. A user may ask 10 questions an hour (refused ones do not count); beyond that 429 with `Retry-After`. ' +
      plainTextNote,
    params: productQuestionParamsSchema,
    middleware: [perUserLimit],
    body: questionInputSchema,
    response: { status: 201, description: 'The question, waiting for an answer', schema: productQuestionSchema },
    errors: [404, 429],
    handler: ({ params, body, user }) => askQuestion(context.catalog, context.events, params.productId, user, body.text),
  });

  api.add({
    method: 'post', path: '/questions/:questionId/answers', tag: 'Questions', auth: { roles: ['seller', 'admin'], apiKeyScope: 'write' },
    summary: 'Answer a question: the seller of the product, or an admin',
    description:
      'A question is answered once: a second answer is 409 and changes nothing. A seller may answer questions about their own products only; ' +
      'another seller\'s, or the shop\'s own, is 404 as if it did not exist. A suspended seller is 403. The asker hears `question:answered` over socket.io. ' +
      plainTextNote,
    middleware: [sellersInGoodStanding, context.sellerAccess.perKeyLimit],
    params: questionIdParamsSchema,
    body: answerInputSchema,
    response: { status: 201, description: 'The question with its answer', schema: staffQuestionSchema },
    errors: [404, 409, 429],
    handler: ({ params, body, user }) => answerQuestion(context.events, params.questionId, user, body.text),
  });

  api.add({
    method: 'get', path: '/seller/questions', tag: 'Questions', auth: context.sellerAccess.auth('read'),
    summary: 'Questions about my products, to answer or answered (session, or a Seller API key with `read`)',
    description: 'Only questions about the seller\'s own products. `unanswered` oldest first, `answered` newest first. A suspended seller is 403; a key is rate-limited as on the other Seller API routes.',
    middleware: context.sellerAccess.middleware,
    query: staffQuestionListQuerySchema,
    response: { status: 200, description: 'A page of questions', schema: staffQuestionListSchema },
    errors: [429],
    handler: ({ user, query }) => listStaffQuestions({ sellerId: user._id }, query),
  });

  api.add({
    method: 'get', path: '/admin/questions', tag: 'Questions', auth: { roles: ['admin'] },
    summary: 'Every question, to answer or answered',
    description: 'Questions about the shop\'s own products and the sellers\' alike. `unanswered` oldest first, `answered` newest first.',
    query: staffQuestionListQuerySchema,
    response: { status: 200, description: 'A page of questions', schema: staffQuestionListSchema },
    handler: ({ query }) => listStaffQuestions('all', query),
  });
}
