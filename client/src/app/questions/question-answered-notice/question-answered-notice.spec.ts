import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { QuestionAnswered } from '@shared/realtime/socket-events';
import { AuthStore } from '../../core/auth/auth-store';
import { FakeShopSocket, provideFakeShopSocket } from '../../core/testing/fake-shop-socket';
import { authResponse } from '../../core/testing/http-testing';
import { QuestionAnsweredNotice } from './question-answered-notice';

const answered = (overrides: Partial<QuestionAnswered> = {}): QuestionAnswered => ({
  questionId: 'f00000000000000000000001',
  productId: 'a00000000000000000000001',
  productSlug: 'brass-lantern',
  productTitle: 'Brass Lantern',
  ...overrides,
});

@Component({ selector: 'shop-stub-page', changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
class StubPage {}

describe('QuestionAnsweredNotice', () => {
  let fixture: ComponentFixture<QuestionAnsweredNotice>;
  let socket: FakeShopSocket;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'products/:slug', component: StubPage }]), provideFakeShopSocket()] });
    socket = TestBed.inject(FakeShopSocket);
    fixture = TestBed.createComponent(QuestionAnsweredNotice);
    await fixture.whenStable();
  });

  const element = () => fixture.nativeElement as HTMLElement;
  const notices = () => [...element().querySelectorAll('.answered-notice')];

  async function push(event: QuestionAnswered): Promise<void> {
    socket.pushQuestionAnswered(event);
    await fixture.whenStable();
  }

  it('tells the signed-in shopper in a live region that their question was answered, with a link to the product', async () => {
    TestBed.inject(AuthStore).startSession(authResponse());
    await fixture.whenStable();
    const region = element().querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.children.length).toBe(0);

    await push(answered());
    expect(notices().length).toBe(1);
    expect(region.textContent).toContain('Your question about Brass Lantern has been answered.');
    const link = region.querySelector<HTMLAnchorElement>('a')!;
    expect(link.textContent).toBe('See the answer');
    expect(link.getAttribute('href')).toBe('/products/brass-lantern');
  });

  it('keeps a few notices, the newest first, until each is dismissed or followed', async () => {
    TestBed.inject(AuthStore).startSession(authResponse());
    await fixture.whenStable();
    for (const index of [1, 2, 3, 4]) await push(answered({ questionId: `f0000000000000000000000${index}`, productTitle: `Lamp ${index}` }));
    expect(notices().map((notice) => notice.querySelector('strong')?.textContent)).toEqual(['Lamp 4', 'Lamp 3', 'Lamp 2']);

    const dismiss = notices()[0]!.querySelector<HTMLButtonElement>('button')!;
    expect(dismiss.textContent).toContain('Dismiss the notice about Lamp 4');
    dismiss.click();
    await fixture.whenStable();
    notices()[0]!.querySelector<HTMLAnchorElement>('a')!.click();
    await fixture.whenStable();
    expect(notices().map((notice) => notice.querySelector('strong')?.textContent)).toEqual(['Lamp 2']);
  });

  it('listens only while someone is signed in, and forgets the notices on signing out', async () => {
    await push(answered());
    expect(notices().length).withContext('a guest').toBe(0);

    const auth = TestBed.inject(AuthStore);
    auth.startSession(authResponse());
    await fixture.whenStable();
    await push(answered());
    expect(notices().length).toBe(1);

    auth.clear();
    await fixture.whenStable();
    expect(notices().length).toBe(0);
    await push(answered({ questionId: 'f00000000000000000000009' }));
    expect(notices().length).toBe(0);
  });
});
