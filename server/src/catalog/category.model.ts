import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

const categorySchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 80 },
    slug: { type: String, required: true, unique: true, lowercase: true, maxlength: 80 },
    parentId: { type: Schema.Types.ObjectId, ref: 'Category', default: null, index: true },
    /** Display order among siblings. */
    position: { type: Number, default: 0 },
  },
  { timestamps: true, strict: 'throw' },
);

export type CategoryDocument = InferSchemaType<typeof categorySchema> & { _id: Types.ObjectId };
export const CategoryModel = model('Category', categorySchema);
