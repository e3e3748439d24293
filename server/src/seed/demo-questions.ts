import { Types } from 'mongoose';
import { shopSellerName } from '../catalog/products.service';
import { QuestionModel } from '../questions/question.model';
import { publicAskerName } from '../questions/questions.service';

/** What a demo question needs of a product and of an account. */
export interface DemoQuestionProduct {
  _id: Types.ObjectId;
  sellerId: Types.ObjectId | null;
}

export interface DemoQuestionUser {
  _id: Types.ObjectId;
  email: string;
  name: string;
  role: string;
}

/** Questions any product could be asked, with an answer that fits whoever sells it. */
const demoExchanges = [
  {
    question: 'Does this come with a warranty, and for how long?',
    answer: 'Yes: two years from the day it is delivered. Keep the order confirmation email, it is all you need to claim.',
  },
  {
    question: 'How long does delivery to Ireland usually take?',
    answer: 'Orders placed before 2 pm leave the same day and usually arrive within two to three working days.',
  },
  {
    question: 'Is the packaging plastic-free? I would like to avoid bubble wrap.',
    answer: 'It ships in a recycled cardboard box with paper padding; there is no plastic in the parcel.',
  },
  {
    question: 'Can I return it if it is not what I expected?',
    answer: 'Of course. You have 30 days to send it back unused, and we refund the full price once it arrives.',
  },
] as const;

/** Still waiting for an answer on the answer pages. */
const openQuestions = [
  'Is this available in other colours, or only the one shown in the photo?',
  'Would this make a good gift? Can you leave the price off the parcel?',
  'Can I collect this in person instead of having it delivered?',
] as const;

const dayMs = 86_400_000;

/**
 * A handful of questions from the demo shopper: on two products of each demo seller and of the shop
 * itself, one answered (by the seller, or by an admin for the shop's products) and one open, so the
 * product pages and the answer pages have something to show. Returns how many were written.
 */
export async function seedDemoQuestions(options: { products: readonly DemoQuestionProduct[]; users: readonly DemoQuestionUser[]; now: number }): Promise<number> {
  const shopper = options.users.find((user) => user.email === 'shopper@demo.shop');
  const admin = options.users.find((user) => user.email === 'admin@demo.shop');
  if (!shopper || !admin) return 0;
  const sellers = options.users.filter((user) => user.role === 'seller');
  const answerers = [...sellers.map((seller) => ({ sellerId: seller._id as Types.ObjectId | null, answerer: seller, byName: seller.name, byRole: 'seller' as const })), { sellerId: null, answerer: admin, byName: shopSellerName, byRole: 'admin' as const }];

  const questions = [];
  let sequence = 0;
  for (const { sellerId, answerer, byName, byRole } of answerers) {
    const theirs = options.products.filter((product) => (sellerId ? product.sellerId?.equals(sellerId) : product.sellerId === null)).slice(0, 2);
    for (const [position, product] of theirs.entries()) {
      sequence += 1;
      const askedAt = new Date(options.now - (sequence * 2 + 1) * dayMs - sequence * 3_600_000);
      const answered = position === 0;
      const exchange = demoExchanges[sequence % demoExchanges.length]!;
      const answeredAt = new Date(askedAt.getTime() + 5 * 3_600_000);
      questions.push({
        _id: new Types.ObjectId(),
        productId: product._id,
        sellerId,
        askerId: shopper._id,
        askerName: publicAskerName(shopper.name),
        text: answered ? exchange.question : openQuestions[sequence % openQuestions.length]!,
        answered,
        answer: answered ? { text: exchange.answer, byUserId: answerer._id, byName, byRole, at: answeredAt } : null,
        createdAt: askedAt,
        updatedAt: answered ? answeredAt : askedAt,
      });
    }
  }
  if (questions.length > 0) await QuestionModel.insertMany(questions, { timestamps: false });
  return questions.length;
}
