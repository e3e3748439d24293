import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProductQuestions as ProductQuestionsPage } from '@shared/questions/questions';
import { AuthStore } from '../../core/auth/auth-store';
import { FakeShopSocket, provideFakeShopSocket } from '../../core/testing/fake-shop-socket';
import { authResponse, errorBody, settle, shopper } from '../../core/testing/http-testing';
import { productQuestion, productQuestions } from '../testing/question-fixtures';
import { ProductQuestions } from './product-questions';

const productId = 'a00000000000000000000001';
const questionsUrl = `/api/products/${productId}/questions`;

describe('ProductQuestions', () => {
  let fixture: ComponentFixture<ProductQuestions>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideFakeShopSocket()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const text = (selector: string) => element().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  /** Not `whenStable`: it waits for every request a spec has yet to answer. */
  async function render(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await settle();
    fixture.detectChanges();
  }

  function questionsRequest(): TestRequest {
    return http.expectOne((request) => request.method === 'GET' && request.url === questionsUrl);
  }

  async function open(answer: ProductQuestionsPage, options: { signedIn?: boolean } = {}): Promise<TestRequest> {
    if (options.signedIn) TestBed.inject(AuthStore).startSession(authResponse(shopper));
    fixture = TestBed.createComponent(ProductQuestions);
    fixture.componentRef.setInput('productId', productId);
    fixture.componentRef.setInput('sellerName', 'Nordic Home Co.');
    fixture.detectChanges();
    await settle();
    const request = questionsRequest();
    request.flush(answer);
    await render();
    return request;
  }

  function type(value: string): void {
    const field = element().querySelector<HTMLTextAreaElement>('#question-text')!;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  it('shows the answered questions with their answers to a guest, and a sign-in link instead of the form', async () => {
    const request = await open(productQuestions({ items: [productQuestion({ text: 'Is it dimmable?' })] }));
    expect(request.request.params.get('limit')).toBe('5');
    expect(request.request.params.has('page')).toBeFalse();

    const item = element().querySelector('.question-list li')!;
    expect(item.querySelector('.question-text')?.textContent).toContain('Is it dimmable?');
    expect(item.querySelector('.answer-text')?.textContent).toContain('Yes, two years.');
    expect(item.textContent).toContain('Answered by Nordic Home Co.');
    expect(item.textContent).toContain('Asked by Sophie S.');
    expect(element().querySelector('form')).toBeNull();
    const signIn = element().querySelector<HTMLAnchorElement>('.sign-in-note a')!;
    expect(signIn.textContent).toBe('Sign in');
    expect(signIn.getAttribute('href')).toBe('/sign-in?returnTo=%2F');

    // A guest is never told of answers: a push changes nothing.
    TestBed.inject(FakeShopSocket).pushQuestionAnswered({ questionId: 'q', productId, productSlug: 'brass-lantern', productTitle: 'Brass Lantern' });
    await render();
    http.expectNone(questionsUrl);
  });

  it('shows markup in questions and answers as the text that was typed, never as elements', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    await open(productQuestions({ items: [productQuestion({ text: markup, answer: { text: '<script>alert(2)</script>', byName: '<b>Shop</b>', byRole: 'admin', at: '2026-11-21T10:00:00.000Z' } })] }));
    const section = element().querySelector('.questions')!;
    expect(section.querySelector('img, script, b')).toBeNull();
    expect(section.querySelector('.question-text')?.textContent).toContain(markup);
    expect(section.querySelector('.answer-text')?.textContent).toContain('<script>alert(2)</script>');
    expect(section.querySelector('.answer strong')?.textContent).toBe('<b>Shop</b>');
  });

  it('shows a signed-in shopper their own questions as waiting for an answer', async () => {
    await open(productQuestions({ pending: [productQuestion({ text: 'Will it fit a small desk?', answer: null })] }), { signedIn: true });
    const pending = element().querySelector('.pending-list li')!;
    expect(pending.textContent).toContain('Will it fit a small desk?');
    expect(pending.querySelector('.waiting')?.textContent).toBe('Waiting for an answer');
    expect(text('.empty')).toBe('No questions have been answered yet.');
  });

  it('sends a question, shows it as waiting and thanks the shopper', async () => {
    await open(productQuestions(), { signedIn: true });
    expect(text('#question-text-hint')).toContain('Nordic Home Co. answers here for everyone to read.');
    type('  Does it come with a bulb?  ');
    element().querySelector<HTMLFormElement>('form')!.requestSubmit();
    const request = http.expectOne({ method: 'POST', url: questionsUrl });
    expect(request.request.body).toEqual({ text: '  Does it come with a bulb?  ' });
    request.flush(productQuestion({ text: 'Does it come with a bulb?', answer: null }), { status: 201, statusText: 'Created' });
    await render();

    expect(text('.pending-list li .question-text')).toContain('Does it come with a bulb?');
    expect(text('[role="status"].thanks')).toContain('Your question is waiting for an answer from Nordic Home Co.');
    expect(element().querySelector<HTMLTextAreaElement>('#question-text')!.value).toBe('');
  });

  it('says what is wrong with a question before sending it', async () => {
    await open(productQuestions(), { signedIn: true });
    type('Why?      ');
    element().querySelector<HTMLFormElement>('form')!.requestSubmit();
    await render();
    http.expectNone({ method: 'POST', url: questionsUrl });
    expect(element().querySelector('#question-text')!.getAttribute('aria-invalid')).toBe('true');
    expect(text('#question-text-error')).toContain('Your question must be at least 10 characters');
    expect(document.activeElement?.id).toBe('question-text');
  });

  it('shows the shop\'s refusal in words', async () => {
    await open(productQuestions(), { signedIn: true });
    type('Is this available in other colours?');
    element().querySelector<HTMLFormElement>('form')!.requestSubmit();
    http.expectOne({ method: 'POST', url: questionsUrl }).flush(errorBody('rate_limited', 'You have asked 10 questions in a short time. Please wait a while before asking another.'), { status: 429, statusText: 'Too Many Requests' });
    await render();
    expect(text('.ask-form [role="alert"]')).toContain('You have asked 10 questions in a short time.');
  });

  it('fetches the questions again when one about this product is answered while the page is open', async () => {
    await open(productQuestions({ pending: [productQuestion({ answer: null })] }), { signedIn: true });
    const socket = TestBed.inject(FakeShopSocket);
    socket.pushQuestionAnswered({ questionId: 'q', productId: 'b00000000000000000000002', productSlug: 'other', productTitle: 'Other' });
    await render();
    http.expectNone(questionsUrl);

    socket.pushQuestionAnswered({ questionId: 'q', productId, productSlug: 'brass-lantern', productTitle: 'Brass Lantern' });
    await render();
    questionsRequest().flush(productQuestions({ items: [productQuestion({ text: 'Now answered.' })] }));
    await render();
    expect(element().querySelector('.pending-list')).toBeNull();
    expect(text('.question-list .question-text')).toContain('Now answered.');
  });

  it('pages through older answered questions', async () => {
    await open(productQuestions({ items: [productQuestion(), productQuestion()], total: 7 }));
    expect(text('.question-pages span')).toBe('Page 1 of 2');
    const [newer, older] = [...element().querySelectorAll<HTMLButtonElement>('.question-pages button')];
    expect(newer!.disabled).toBeTrue();
    older!.click();
    await render();
    const request = questionsRequest();
    expect(request.request.params.get('page')).toBe('2');
    request.flush(productQuestions({ items: [productQuestion({ text: 'An older one.' })], total: 7, page: 2 }));
    await render();
    expect(text('.question-pages span')).toBe('Page 2 of 2');
    expect(text('.question-list .question-text')).toContain('An older one.');
  });

  it('explains a failed load and tries again on request', async () => {
    fixture = TestBed.createComponent(ProductQuestions);
    fixture.componentRef.setInput('productId', productId);
    fixture.detectChanges();
    await settle();
    questionsRequest().flush(null, { status: 503, statusText: 'Unavailable' });
    await render();
    const alert = element().querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('We couldn’t load the questions.');
    alert.querySelector('button')!.click();
    await render();
    questionsRequest().flush(productQuestions());
    await render();
    expect(text('.empty')).toContain('No questions have been answered yet.');
  });
});
