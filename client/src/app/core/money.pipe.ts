import { Pipe, type PipeTransform } from '@angular/core';
import { formatMoney, type Money } from '@shared/money';

/** `{{ product.price | money }}` → `€19.99`; amounts stay integers until display. */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(money: Money | undefined | null): string {
    return money ? formatMoney(money) : '';
  }
}
