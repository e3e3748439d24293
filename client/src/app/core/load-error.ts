import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** What a page shows when its content could not be loaded: the reason in plain words and a retry. */
@Component({
  selector: 'shop-load-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="notice" role="alert">
      <p>{{ message() }}</p>
      <button type="button" (click)="retry.emit()">Try again</button>
    </div>
  `,
  styles: `
    .notice { background: #fff4e5; border-radius: 12px; padding: 1rem 1.25rem; color: #5c3b00; }
    p { margin: 0 0 0.75rem; line-height: 1.45; }
  `,
})
export class LoadError {
  readonly message = input.required<string>();
  readonly retry = output();
}
