import type { Cart, CartLine } from '@shared/cart/cart';
import type { Money } from '@shared/money';

export function euros(amount: number): Money {
  return { amount, currency: 'EUR' };
}

/** Two kettles at €25.00, ten in stock, unless told otherwise. */
export function cartLine(overrides: Partial<CartLine> = {}): CartLine {
  const line: CartLine = {
    productId: 'a00000000000000000000001',
    slug: 'kettle',
    title: 'Kettle',
    image: 'b00000000000000000000001',
    quantity: 2,
    unitPrice: euros(2500),
    priceWhenAdded: euros(2500),
    lineTotal: euros(5000),
    available: 10,
    problem: null,
    sellerId: null,
    ...overrides,
  };
  return { ...line, lineTotal: overrides.lineTotal ?? euros(line.unitPrice.amount * line.quantity) };
}

/** A cart as the server answers it: totals and readiness worked out from the lines the way it does. */
export function cartOf(lines: CartLine[] = [cartLine()], overrides: Partial<Cart> = {}): Cart {
  const buyable = lines.filter((line) => line.problem === null);
  return {
    id: lines.length > 0 ? 'c00000000000000000000001' : null,
    lines,
    totals: {
      itemCount: lines.reduce((count, line) => count + line.quantity, 0),
      subtotal: euros(buyable.reduce((sum, line) => sum + line.lineTotal.amount, 0)),
    },
    readyForCheckout: lines.length > 0 && buyable.length === lines.length,
    notices: [],
    ...overrides,
  };
}

export const emptyCart: Cart = cartOf([]);
