import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** A search form: emits the trimmed words on submit (an empty string clears the search). */
@Component({
  selector: 'shop-search-box',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form role="search" [attr.aria-label]="label()" (submit)="submit($event)">
      <label>
        <span class="visually-hidden">{{ label() }}</span>
        <input type="search" name="q" [value]="query() ?? ''" [placeholder]="placeholder()" maxlength="200" autocomplete="off" enterkeyhint="search" />
      </label>
      <!-- "Find", not "Search": pages with a search form of their own (admin users) keep one "Search" button. -->
      <button type="submit"><span class="visually-hidden">Find products</span><svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><circle cx="10.5" cy="10.5" r="6.5" /><path d="m15.5 15.5 5 5" /></svg></button>
    </form>
  `,
  styles: `
    :host { display: block; min-width: 0; }
    form { display: flex; width: 100%; border-radius: 999px; background: #fff; box-shadow: inset 0 0 0 1px var(--shop-border); }
    form:focus-within { box-shadow: inset 0 0 0 2px var(--shop-ink); }
    label { flex: 1; min-width: 0; display: flex; }
    input { flex: 1; min-width: 0; font: inherit; color: #212529; border: 0; background: transparent; padding: 0.55rem 0 0.55rem 1rem; border-radius: 999px 0 0 999px; min-height: 2.5rem; }
    input:focus-visible { outline: none; }
    button { flex-shrink: 0; display: grid; place-items: center; padding: 0 0.9rem; margin: 0.2rem; border-radius: 999px; }
    svg { fill: none; stroke: currentColor; stroke-width: 2.2; stroke-linecap: round; }
  `,
})
export class SearchBox {
  /** The accessible name of the search landmark and its field. */
  readonly label = input('Search products');
  readonly query = input<string | undefined>('');
  readonly placeholder = input('Search products');
  readonly searched = output<string>();

  protected submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const words = new FormData(form).get('q');
    this.searched.emit(typeof words === 'string' ? words.trim() : '');
  }
}
