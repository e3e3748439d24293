import type { ProductQuestion, ProductQuestions, StaffQuestion, StaffQuestionList } from '@shared/questions/questions';

let nextQuestion = 0;

/** A question as a product page gets it; answered unless `answer: null` is given. */
export function productQuestion(overrides: Partial<ProductQuestion> = {}): ProductQuestion {
  nextQuestion += 1;
  return {
    id: `f${nextQuestion.toString(16).padStart(23, '0')}`,
    productId: 'a00000000000000000000001',
    askerName: 'Sophie S.',
    text: `Question number ${nextQuestion}: does it come with a warranty?`,
    createdAt: '2026-11-20T10:00:00.000Z',
    answer: { text: 'Yes, two years.', byName: 'Nordic Home Co.', byRole: 'seller', at: '2026-11-20T15:00:00.000Z' },
    ...overrides,
  };
}

export function productQuestions(overrides: Partial<ProductQuestions> = {}): ProductQuestions {
  const items = overrides.items ?? [];
  return { items, total: items.length, page: 1, limit: 5, pending: [], ...overrides };
}

/** A question as an answer page lists it; waiting unless an answer is given. */
export function staffQuestion(overrides: Partial<StaffQuestion> = {}): StaffQuestion {
  return {
    ...productQuestion({ answer: null }),
    product: { id: 'a00000000000000000000001', slug: 'brass-lantern', title: 'Brass Lantern' },
    sellerId: null,
    sellerName: 'MEAN Shop',
    ...overrides,
  };
}

export function staffQuestionList(items: StaffQuestion[], overrides: Partial<StaffQuestionList> = {}): StaffQuestionList {
  return { items, total: items.length, page: 1, limit: 20, ...overrides };
}
