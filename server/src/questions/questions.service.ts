import type {
  productQuestionsQuerySchema,
  ProductQuestion,
  ProductQuestions,
  staffQuestionListQuerySchema,
  StaffQuestion,
  StaffQuestionList,
} from '@shared/questions/questions';
import type { Types } from 'mongoose';
import type { z } from 'zod';
import type { AuthenticatedUser } from '../accounts/authenticator';
import type { CatalogSource } from '../catalog/catalog-source';
import { ProductModel } from '../catalog/product.model';
import { findActiveProduct, shopSellerName } from '../catalog/products.service';
import { readSellerName } from '../catalog/seller-names';
import type { ShopEvents } from '../events/shop-events';
import { AppError } from '../http/app-error';
import { QuestionModel, type QuestionDocument } from './question.model';

type ProductQuestionsQuery = z.output<typeof productQuestionsQuerySchema>;
type StaffQuestionListQuery = z.output<typeof staffQuestionListQuerySchema>;

/** A shopper's own waiting questions about one product: a handful, never a page of them. */
const maxPendingShown = 20;

/** An asker without a name: none given, or the account was deleted. */
const namelessAsker = 'A shopper';

/**
 * How an asker is named in public: first name and initial ("Sophie S."), so a question on a
 * product page does not publish a shopper's full name.
 */
export function publicAskerName(fullName: string): string {
  const [first, ...rest] = fullName.trim().split(/\s+/).filter(Boolean);
  if (!first) return namelessAsker;
  const last = rest.at(-1);
  return last ? `${first} ${[...last][0]!.toUpperCase()}.` : first;
}

/**
 * A deleted account's questions stay for the shoppers they help, under no name: the name is
 * stored in each question, so it is erased there. One equality on the indexed `askerId`.
 */
export async function forgetAsker(askerId: Types.ObjectId): Promise<void> {
  await QuestionModel.updateMany({ askerId }, { $set: { askerName: namelessAsker } });
}

function toProductQuestion(question: QuestionDocument): ProductQuestion {
  const { answer } = question;
  return {
    id: question._id.toString(),
    productId: question.productId.toString(),
    askerName: question.askerName,
    text: question.text,
    createdAt: question.createdAt.toISOString(),
    answer: question.answered && answer ? { text: answer.text, byName: answer.byName, byRole: answer.byRole, at: answer.at.toISOString() } : null,
  };
}

interface ProductName {
  id: string;
  slug: string;
  title: string;
}

/**
 * The products of a page of questions, each read by its `_id`: an equality FerretDB hands to
 * PostgreSQL, where one `$in` would be evaluated by reading the whole catalogue.
 */
async function productNames(productIds: Types.ObjectId[]): Promise<Map<string, ProductName>> {
  const names = new Map<string, ProductName>();
  for (const productId of productIds) {
    const id = productId.toString();
    if (names.has(id)) continue;
    const product = await ProductModel.findById(productId, { slug: 1, title: 1 }).lean();
    names.set(id, { id, slug: product?.slug ?? '', title: product?.title ?? 'A product no longer sold' });
  }
  return names;
}

/** Who sells each product of a page of questions, each seller read by `_id` (see `productNames`). */
async function sellerNames(sellerIds: Array<Types.ObjectId | null | undefined>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const sellerId of sellerIds) {
    if (!sellerId || names.has(sellerId.toString())) continue;
    names.set(sellerId.toString(), (await readSellerName(sellerId.toString())) ?? 'A former seller');
  }
  return names;
}

function toStaffQuestion(question: QuestionDocument, product: ProductName, sellers: Map<string, string>): StaffQuestion {
  const sellerId = question.sellerId ? question.sellerId.toString() : null;
  return { ...toProductQuestion(question), product, sellerId, sellerName: sellerId ? (sellers.get(sellerId) ?? 'A former seller') : shopSellerName };
}

/**
 * A product page's questions: the answered ones, newest first and paged, and for a signed-in
 * caller their own questions still waiting. Unanswered questions are nobody else's business.
 */
export async function listProductQuestions(catalog: CatalogSource, productId: string, query: ProductQuestionsQuery, user: AuthenticatedUser | undefined): Promise<ProductQuestions> {
  const product = await findActiveProduct(catalog, productId);
  const answered = { productId: product._id, answered: true };
  // One at a time: on FerretDB the shop has a single connection anyway.
  const items = await QuestionModel.find(answered).sort({ createdAt: -1, _id: -1 }).skip((query.page - 1) * query.limit).limit(query.limit).lean<QuestionDocument[]>();
  const total = await QuestionModel.countDocuments(answered);
  const pending = user
    ? await QuestionModel.find({ askerId: user._id, productId: product._id, answered: false }).sort({ createdAt: -1, _id: -1 }).limit(maxPendingShown).lean<QuestionDocument[]>()
    : [];
  return { items: items.map(toProductQuestion), total, page: query.page, limit: query.limit, pending: pending.map(toProductQuestion) };
}

/** Only about a product on sale now; the product's seller (or the admins, for the shop's own) hears of it. */
export async function askQuestion(catalog: CatalogSource, events: ShopEvents, productId: string, user: AuthenticatedUser, text: string): Promise<ProductQuestion> {
  const product = await findActiveProduct(catalog, productId);
  // A new _id every time: nothing here can collide on a duplicate key.
  const question = await QuestionModel.create({ productId: product._id, sellerId: product.sellerId ?? null, askerId: user._id, askerName: publicAskerName(user.name), text });
  await events.publish('question.asked', {
    questionId: question._id.toString(),
    productId: product._id.toString(),
    productSlug: product.slug,
    productTitle: product.title,
    sellerId: product.sellerId ? product.sellerId.toString() : null,
    askerId: user.id,
  });
  return toProductQuestion(question.toObject<QuestionDocument>());
}

/**
 * The product's seller answers, or an admin (for any product). A seller who does not sell the
 * product gets 404, as for a question that does not exist: whether it does is not theirs to learn
 * (a suspended seller was refused before: questions.routes.ts).
 * A question is answered once: the write is guarded by `answered: false`, so of two answers at
 * the same moment one is kept and the other is 409, and the asker is told once.
 */
export async function answerQuestion(events: ShopEvents, questionId: string, user: AuthenticatedUser, text: string): Promise<StaffQuestion> {
  const question = await QuestionModel.findById(questionId).lean<QuestionDocument>();
  const product = question ? await ProductModel.findById(question.productId, { slug: 1, title: 1, sellerId: 1 }).lean() : null;
  const isAdmin = user.role === 'admin';
  // The seller who sells the product now; one it was moved away from no longer answers for it.
  const sellsIt = user.role === 'seller' && !!product?.sellerId?.equals(user._id) && !!question?.sellerId?.equals(user._id);
  if (!question || (!isAdmin && !sellsIt)) throw AppError.notFound('Question');

  // Answered in the name shoppers know: the shop's, or the seller's shop name as on "Sold by".
  const byName = isAdmin ? shopSellerName : ((await readSellerName(user.id)) ?? user.name);
  const answer = { text, byUserId: user._id, byName, byRole: isAdmin ? ('admin' as const) : ('seller' as const), at: new Date() };
  // updateOne, then read: FerretDB v1 cannot project on findOneAndUpdate.
  const { matchedCount } = await QuestionModel.updateOne({ _id: question._id, answered: false }, { $set: { answered: true, answer } });
  if (matchedCount === 0) throw AppError.conflict('This question has been answered already');
  const answered = (await QuestionModel.findById(question._id).lean<QuestionDocument>())!;

  const name: ProductName = { id: question.productId.toString(), slug: product?.slug ?? '', title: product?.title ?? 'A product no longer sold' };
  await events.publish('question.answered', {
    questionId: answered._id.toString(),
    productId: name.id,
    productSlug: name.slug,
    productTitle: name.title,
    sellerId: answered.sellerId ? answered.sellerId.toString() : null,
    askerId: answered.askerId.toString(),
    byRole: answer.byRole,
  });
  return toStaffQuestion(answered, name, await sellerNames([answered.sellerId]));
}

/**
 * The answer pages: a seller's own products' questions (`sellerId`), or every question for the
 * admins. Waiting questions oldest first, so the longest wait is answered first; answered ones
 * newest first.
 */
export async function listStaffQuestions(scope: { sellerId: Types.ObjectId } | 'all', query: StaffQuestionListQuery): Promise<StaffQuestionList> {
  const filter = { answered: query.status === 'answered', ...(scope === 'all' ? {} : { sellerId: scope.sellerId }) };
  const order = query.status === 'answered' ? -1 : 1;
  const questions = await QuestionModel.find(filter).sort({ createdAt: order, _id: order }).skip((query.page - 1) * query.limit).limit(query.limit).lean<QuestionDocument[]>();
  const total = await QuestionModel.countDocuments(filter);
  const names = await productNames(questions.map((question) => question.productId));
  const sellers = await sellerNames(questions.map((question) => question.sellerId));
  return { items: questions.map((question) => toStaffQuestion(question, names.get(question.productId.toString())!, sellers)), total, page: query.page, limit: query.limit };
}
