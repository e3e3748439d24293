import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { QuestionAnswered } from '@shared/realtime/socket-events';
import { AuthStore } from '../../core/auth/auth-store';
import { ShopSocket } from '../../core/realtime/shop-socket';

/** More would cover the page; the oldest goes first. */
const maxNoticesShown = 3;

/**
 * "Your question has an answer", on whichever page the shopper is when `question:answered` arrives,
 * with a link to the product. The live region is always in the page, so screen readers announce
 * each notice as it is added; it stays until dismissed or followed.
 */
@Component({
  selector: 'shop-question-answered-notice',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="notices" role="status" aria-live="polite">
      @for (notice of notices(); track notice.questionId) {
        <div class="answered-notice">
          <p>
            Your question about <strong>{{ notice.productTitle }}</strong> has been answered.
            @if (notice.productSlug) {
              <a [routerLink]="['/products', notice.productSlug]" (click)="dismiss(notice.questionId)">See the answer</a>
            }
          </p>
          <button type="button" class="dismiss" (click)="dismiss(notice.questionId)">
            <span aria-hidden="true">×</span><span class="visually-hidden">Dismiss the notice about {{ notice.productTitle }}</span>
          </button>
        </div>
      }
    </div>
  `,
  styles: `
    .notices {
      position: fixed; z-index: 20; right: 1rem; bottom: 1rem; width: min(24rem, calc(100vw - 2rem));
      display: flex; flex-direction: column; gap: 0.6rem; pointer-events: none;
    }
    .answered-notice {
      pointer-events: auto; display: flex; align-items: flex-start; gap: 0.75rem;
      background: var(--shop-ink); color: #fff; border-radius: 12px; padding: 0.85rem 0.75rem 0.85rem 1rem;
      box-shadow: 0 4px 18px rgb(0 0 0 / 25%);
    }
    p { margin: 0; flex: 1; line-height: 1.45; overflow-wrap: anywhere; }
    a { color: #fff; font-weight: 700; margin-left: 0.25rem; white-space: nowrap; }
    .dismiss { background: transparent; color: #fff; padding: 0 0.6rem; font-size: 1.3rem; line-height: 2rem; min-width: 2rem; }
    .dismiss:hover, .dismiss:focus-visible { background: rgb(255 255 255 / 15%); }
  `,
})
export class QuestionAnsweredNotice {
  protected readonly notices = signal<readonly QuestionAnswered[]>([]);

  constructor() {
    const auth = inject(AuthStore);
    const socket = inject(ShopSocket);
    // Only a signed-in asker is told; a guest's visit opens no connection for this.
    effect((onCleanup) => {
      if (!auth.isSignedIn()) {
        untracked(() => this.notices.set([]));
        return;
      }
      onCleanup(untracked(() => socket.onQuestionAnswered((answered) => this.show(answered))));
    });
  }

  protected dismiss(questionId: string): void {
    this.notices.update((notices) => notices.filter((notice) => notice.questionId !== questionId));
  }

  private show(answered: QuestionAnswered): void {
    this.notices.update((notices) => [answered, ...notices.filter((notice) => notice.questionId !== answered.questionId)].slice(0, maxNoticesShown));
  }
}
