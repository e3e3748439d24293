import { formatMoney, percentageOf, type Money } from '@shared/money';
import { trusted } from 'mongoose';
import { isDuplicateKeyError } from '../../database/errors';
import { AppError } from '../../http/app-error';
import { DiscountCodeModel, DiscountRedemptionModel, type DiscountCodeDocument } from './discount-code.model';

/** A code taken for one order: what it takes off, and how to give the use back if the order falls through. */
export interface Redemption {
  code: string;
  discount: Money;
  undo(): Promise<void>;
}

const refused = (message: string) => new AppError(422, 'unprocessable', message, [{ path: 'body.discountCode', message }]);

/**
 * Discount codes: percent or fixed, a minimum spend, an expiry, a total number of uses and a
 * number per customer. Uses are counted by guarded updates (`usedCount < maxUses` → `$inc`), never
 * by reading a count and writing it back, so a single-use code is redeemed once however many
 * checkouts try it at the same moment.
 */
export class DiscountCodes {
  /** Takes one use of `code` for `customer`, or refuses with 422 saying why. */
  async redeem(code: string, customer: string, subtotal: Money): Promise<Redemption> {
    const discount = await DiscountCodeModel.findOne({ code }).lean();
    if (!discount?.active) throw refused('This discount code does not exist');
    if (discount.expiresAt && discount.expiresAt.getTime() <= Date.now()) throw refused('This discount code has expired');
    if (subtotal.amount < discount.minimumSpend) {
      throw refused(`This code needs a spend of at least ${formatMoney({ amount: discount.minimumSpend, currency: subtotal.currency })}`);
    }
    await takeUse(discount);
    try {
      await takeCustomerUse(discount, customer);
    } catch (error) {
      await giveUseBack(discount);
      throw error;
    }
    return {
      code: discount.code,
      discount: amountOff(discount, subtotal),
      undo: async () => {
        if (discount.perCustomerLimit !== null) {
          await DiscountRedemptionModel.updateOne({ codeId: discount._id, customer, count: trusted({ $gt: 0 }) }, { $inc: { count: -1 } });
        }
        await giveUseBack(discount);
      },
    };
  }
}

function amountOff(discount: DiscountCodeDocument, subtotal: Money): Money {
  const amount = discount.kind === 'percent' ? percentageOf(subtotal, discount.value).amount : discount.value;
  return { amount: Math.min(amount, subtotal.amount), currency: subtotal.currency };
}

async function takeUse(discount: DiscountCodeDocument): Promise<void> {
  const guard = discount.maxUses === null ? {} : { usedCount: trusted({ $lt: discount.maxUses }) };
  const { modifiedCount } = await DiscountCodeModel.updateOne({ _id: discount._id, ...guard }, { $inc: { usedCount: 1 } });
  if (modifiedCount === 0) throw refused('This discount code has been used up');
}

async function giveUseBack(discount: DiscountCodeDocument): Promise<void> {
  await DiscountCodeModel.updateOne({ _id: discount._id, usedCount: trusted({ $gt: 0 }) }, { $inc: { usedCount: -1 } });
}

async function takeCustomerUse(discount: DiscountCodeDocument, customer: string): Promise<void> {
  const limit = discount.perCustomerLimit;
  if (limit === null) return;
  try {
    await DiscountRedemptionModel.create({ codeId: discount._id, customer, count: 1 });
    return;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const { modifiedCount } = await DiscountRedemptionModel.updateOne({ codeId: discount._id, customer, count: trusted({ $lt: limit }) }, { $inc: { count: 1 } });
  if (modifiedCount === 0) throw refused(limit === 1 ? 'You have already used this discount code' : `This code can be used ${limit} times per customer`);
}
