import { ChangeDetectionStrategy, Component, type ElementRef, input, output, viewChild } from '@angular/core';

let nextId = 0;

/**
 * A modal question before an action that changes someone else's data: the native `<dialog>`, so
 * focus is trapped, Escape cancels and the page behind is inert. The body is projected; the
 * parent opens it and hears `confirmed` or `cancelled` (Escape counts as cancel).
 */
@Component({
  selector: 'shop-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog class="confirm-dialog" [attr.aria-labelledby]="headingId" (cancel)="cancel($event)">
      <h2 [id]="headingId">{{ heading() }}</h2>
      <ng-content />
      <div class="dialog-actions">
        <button type="button" class="secondary" [disabled]="busy()" (click)="cancel()">{{ cancelLabel() }}</button>
        <button type="button" [class.danger]="danger()" [disabled]="busy()" (click)="confirmed.emit()">{{ busy() ? busyLabel() : confirmLabel() }}</button>
      </div>
    </dialog>
  `,
  styles: `
    .confirm-dialog { width: min(32rem, calc(100vw - 2rem)); border: 0; border-radius: 14px; padding: clamp(1rem, 4vw, 1.75rem); box-shadow: 0 12px 40px rgb(0 0 0 / 25%); }
    .confirm-dialog::backdrop { background: rgb(15 23 42 / 45%); }
    h2 { margin: 0 0 0.5rem; color: var(--shop-ink); font-size: 1.25rem; }
    .dialog-actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 0.75rem; margin-top: 1rem; }
    button.secondary { background: #fff; color: var(--shop-ink); box-shadow: inset 0 0 0 1px var(--shop-ink); }
    button.danger { background: var(--shop-danger); color: #fff; }
  `,
})
export class ConfirmDialog {
  readonly heading = input.required<string>();
  readonly confirmLabel = input('Confirm');
  readonly cancelLabel = input('Cancel');
  readonly busyLabel = input('Saving…');
  /** The confirm button in the danger colour, for what cannot be undone easily. */
  readonly danger = input(false);
  readonly busy = input(false);
  readonly confirmed = output();
  readonly cancelled = output();

  protected readonly headingId = `confirm-dialog-${nextId++}`;
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  open(): void {
    if (!this.dialog().nativeElement.open) this.dialog().nativeElement.showModal();
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  protected cancel(event?: Event): void {
    // Escape while saving would hide a request that still runs: it is ignored until the answer.
    event?.preventDefault();
    if (this.busy()) return;
    this.close();
    this.cancelled.emit();
  }
}
