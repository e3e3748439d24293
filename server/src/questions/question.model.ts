import { answerRoles, maxAnswerLength, maxQuestionLength } from '@shared/questions/questions';
import { model, Schema, type InferSchemaType, type Types } from 'mongoose';

const answerSchema = new Schema(
  {
    text: { type: String, required: true, maxlength: maxAnswerLength },
    byUserId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** As shoppers see it: the seller's name, or the shop's when an admin answered. */
    byName: { type: String, required: true, maxlength: 120 },
    byRole: { type: String, enum: answerRoles, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/** A shopper's question about a product, and the one answer it gets. */
const questionSchema = new Schema(
  {
    productId: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    /** The product's seller when the question was asked (null: the shop's own), so a seller's list is one equality. */
    sellerId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    askerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** Kept as it was: renaming the account later does not rewrite what was shown. */
    askerName: { type: String, required: true, maxlength: 120 },
    text: { type: String, required: true, maxlength: maxQuestionLength },
    /**
     * Kept beside `answer`, which is null until then: every listing filters on this equality, which
     * FerretDB hands to PostgreSQL, where `answer: null` or `$exists` would read every row. The
     * answer is written with `{ _id, answered: false }` as guard, so a question is answered once.
     */
    answered: { type: Boolean, required: true, default: false },
    answer: { type: answerSchema, default: null },
  },
  { timestamps: true, strict: 'throw' },
);

// Each listing is equalities, then its order: the product page, the seller's page, the admins'
// page and the asker's own waiting questions.
questionSchema.index({ productId: 1, answered: 1, createdAt: -1 });
questionSchema.index({ sellerId: 1, answered: 1, createdAt: -1 });
questionSchema.index({ answered: 1, createdAt: -1 });
questionSchema.index({ askerId: 1, productId: 1, answered: 1 });

export type QuestionDocument = InferSchemaType<typeof questionSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const QuestionModel = model('Question', questionSchema);
