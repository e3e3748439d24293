import { z } from 'zod';
import { objectIdSchema } from '../catalog/product';

/**
 * Shopper questions (issue 11, item 5): a signed-in shopper asks about a product on its page; the
 * product's seller, or an admin for the shop's own products (and any other), answers. Texts are
 * plain text, shown with text interpolation only, never as HTML.
 */

export const minQuestionLength = 10;
export const maxQuestionLength = 1000;
export const minAnswerLength = 2;
export const maxAnswerLength = 2000;

/** Newlines and tabs are text; every other control character is refused, not silently dropped. */
const hasControlCharacter = (text: string) => /\p{Cc}/u.test(text.replace(/[\n\t]/g, ''));

/**
 * A text as a person typed it: line breaks made `\n` (a pasted `\r\n` too), trimmed, and then
 * measured, so that spaces cannot make up the minimum.
 */
function plainText(min: number, max: number) {
  return z
    .string()
    .overwrite((text) => text.replace(/\r\n?/g, '\n').trim())
    .min(min, `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !hasControlCharacter(text), 'must not contain control characters');
}

export const questionInputSchema = z
  .strictObject({
    text: plainText(minQuestionLength, maxQuestionLength).meta({
      description: `The question, ${minQuestionLength} to ${maxQuestionLength} characters once trimmed; plain text (line breaks kept)`,
      example: 'Does the lamp come with a bulb, and which fitting does it take?',
    }),
  })
  .meta({ id: 'QuestionInput' });
export type QuestionInput = z.input<typeof questionInputSchema>;

export const answerInputSchema = z
  .strictObject({
    text: plainText(minAnswerLength, maxAnswerLength).meta({
      description: `The answer, ${minAnswerLength} to ${maxAnswerLength} characters once trimmed; plain text (line breaks kept)`,
      example: 'Yes: an E27 LED bulb of 806 lumens comes in the box.',
    }),
  })
  .meta({ id: 'AnswerInput' });
export type AnswerInput = z.input<typeof answerInputSchema>;

export const answerRoles = ['seller', 'admin'] as const;
export type AnswerRole = (typeof answerRoles)[number];

export const questionAnswerSchema = z
  .object({
    text: z.string(),
    byName: z.string().meta({ description: 'Who answered, as shoppers see it: the seller\'s name, or the shop\'s for an admin', example: 'Nordic Home Co.' }),
    byRole: z.enum(answerRoles),
    at: z.iso.datetime(),
  })
  .meta({ id: 'QuestionAnswer' });
export type QuestionAnswer = z.infer<typeof questionAnswerSchema>;

/** A question as shoppers see it on the product page. */
export const productQuestionSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    askerName: z.string().meta({ description: 'The asker\'s first name and initial, as they were named when asking; `A shopper` once their account is deleted', example: 'Sophie S.' }),
    text: z.string(),
    createdAt: z.iso.datetime(),
    answer: questionAnswerSchema.nullable().meta({ description: 'Null while nobody has answered' }),
  })
  .meta({ id: 'ProductQuestion' });
export type ProductQuestion = z.infer<typeof productQuestionSchema>;

export const maxProductQuestionPageSize = 20;

export const productQuestionsQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(maxProductQuestionPageSize).default(5),
});
export type ProductQuestionsQuery = z.input<typeof productQuestionsQuerySchema>;

export const productQuestionsSchema = z
  .object({
    items: z.array(productQuestionSchema).meta({ description: 'Answered questions, newest first' }),
    total: z.number().int().meta({ description: 'Answered questions in all' }),
    page: z.number().int(),
    limit: z.number().int(),
    pending: z
      .array(productQuestionSchema)
      .meta({ description: 'The signed-in caller\'s own questions about this product that wait for an answer, newest first; empty for guests. Nobody else sees them' }),
  })
  .meta({ id: 'ProductQuestions' });
export type ProductQuestions = z.infer<typeof productQuestionsSchema>;

export const productQuestionParamsSchema = z.strictObject({ productId: objectIdSchema });
export const questionIdParamsSchema = z.strictObject({ questionId: objectIdSchema });

/** What the answer pages list: questions waiting for an answer, or answered ones. */
export const questionStatuses = ['unanswered', 'answered'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

export const staffQuestionListQuerySchema = z.strictObject({
  status: z.enum(questionStatuses).default('unanswered').meta({ description: '`unanswered` (oldest first: the longest wait comes first) or `answered` (newest first)' }),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type StaffQuestionListQuery = z.input<typeof staffQuestionListQuerySchema>;

/** A question as the seller or an admin who answers it sees it. */
export const staffQuestionSchema = productQuestionSchema
  .extend({
    product: z.object({ id: z.string(), slug: z.string(), title: z.string() }).meta({ description: 'The product, as it is named now' }),
    sellerId: z.string().nullable().meta({ description: 'The product\'s seller when the question was asked; null for the shop\'s own products' }),
    sellerName: z.string().meta({ description: 'That seller\'s name now, or the shop\'s', example: 'Nordic Home Co.' }),
  })
  .meta({ id: 'StaffQuestion' });
export type StaffQuestion = z.infer<typeof staffQuestionSchema>;

export const staffQuestionListSchema = z
  .object({ items: z.array(staffQuestionSchema), total: z.number().int(), page: z.number().int(), limit: z.number().int() })
  .meta({ id: 'StaffQuestionList' });
export type StaffQuestionList = z.infer<typeof staffQuestionListSchema>;
