import { ChangeDetectionStrategy, Component, type ElementRef, viewChild } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { SiteFooter } from './core/layout/site-footer';
import { SiteHeader } from './core/layout/site-header';
import { QuestionAnsweredNotice } from './questions/question-answered-notice/question-answered-notice';

@Component({
  selector: 'shop-root',
  imports: [RouterOutlet, SiteHeader, SiteFooter, QuestionAnsweredNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main" (click)="skipToMain($event)">Skip to content</a>
    <shop-site-header />
    <main id="main" tabindex="-1" #main><router-outlet /></main>
    <shop-site-footer />
    <shop-question-answered-notice />
  `,
  styles: `
    :host { display: flex; flex-direction: column; min-height: 100vh; }
    main { flex: 1; outline: none; }
  `,
})
export class App {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  /** With `<base href="/">` the bare `#main` would lead to the home page; focus moves without navigating. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
