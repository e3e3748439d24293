import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { FakeShopSocket, provideFakeShopSocket } from '../../core/testing/fake-shop-socket';
import { errorBody, settle } from '../../core/testing/http-testing';
import { staffQuestion, staffQuestionList } from '../testing/question-fixtures';
import { AnswerQuestionsPage } from './answer-questions-page';

describe('AnswerQuestionsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeShopSocket(),
        provideRouter(
          [
            { path: 'admin/questions', component: AnswerQuestionsPage, data: { scope: 'admin' } },
            { path: 'seller/questions', component: AnswerQuestionsPage, data: { scope: 'seller' } },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement!;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

  async function render(): Promise<void> {
    await settle();
    harness.detectChanges();
    await settle();
    harness.detectChanges();
  }

  function listRequest(url: string): TestRequest {
    return http.expectOne((request) => request.method === 'GET' && request.url === url);
  }

  async function open(url: string, apiUrl: string, list = staffQuestionList([])): Promise<TestRequest> {
    await harness.navigateByUrl(url);
    await settle();
    const request = listRequest(apiUrl);
    request.flush(list);
    await render();
    return request;
  }

  function card(questionId: string): HTMLElement {
    return page().querySelector<HTMLElement>(`[data-question-id="${questionId}"]`)!;
  }

  it('lists every waiting question for admins, oldest first, with the product and an answer form', async () => {
    const question = staffQuestion({ text: 'Does it come with a bulb?', askerName: 'Sophie S.' });
    const request = await open('/admin/questions', '/api/admin/questions', staffQuestionList([question]));
    expect(request.request.params.get('status')).toBe('unanswered');
    expect(text(page().querySelector('h1'))).toBe('Questions');
    expect(text(page().querySelector('.count'))).toBe('1 question waiting · page 1 of 1');
    const tabs = [...page().querySelectorAll<HTMLAnchorElement>('.status-tabs a')];
    expect(tabs.map((tab) => [text(tab), tab.getAttribute('aria-current')])).toEqual([
      ['To answer', 'page'],
      ['Answered', null],
    ]);
    expect(card(question.id).querySelector('.product a')?.getAttribute('href')).toBe('/products/brass-lantern');
    expect(text(card(question.id).querySelector('.product .sold-by'))).toBe('· sold by MEAN Shop');
    expect(text(card(question.id).querySelector('.question-text'))).toContain('Does it come with a bulb?');
    expect(text(card(question.id).querySelector('label'))).toBe('Your answer to Sophie S.');
  });

  it('lists the seller\'s own questions from the seller API when the route says so', async () => {
    const question = staffQuestion({ sellerId: 'b00000000000000000000001', sellerName: 'Nordic Home Co.' });
    await open('/seller/questions', '/api/seller/questions', staffQuestionList([question]));
    expect(text(page().querySelector('.intro'))).toContain('questions about your products');
    expect(card(question.id)).not.toBeNull();
    expect(page().querySelector('.sold-by')).withContext('a seller knows who sells theirs').toBeNull();
  });

  it('says so when no question waits', async () => {
    await open('/seller/questions', '/api/seller/questions');
    expect(text(page().querySelector('.empty'))).toContain('No questions are waiting for an answer.');
  });

  it('answers inline: the answer replaces the form and the page says the shopper was told', async () => {
    const question = staffQuestion({ askerName: 'Sophie S.' });
    await open('/admin/questions', '/api/admin/questions', staffQuestionList([question]));
    const field = card(question.id).querySelector<HTMLTextAreaElement>('textarea')!;
    field.value = 'Yes: an E27 bulb comes in the box.';
    field.dispatchEvent(new Event('input'));
    card(question.id).querySelector<HTMLFormElement>('form')!.requestSubmit();
    const request = http.expectOne({ method: 'POST', url: `/api/questions/${question.id}/answers` });
    expect(request.request.body).toEqual({ text: 'Yes: an E27 bulb comes in the box.' });
    request.flush({ ...question, answer: { text: 'Yes: an E27 bulb comes in the box.', byName: 'MEAN Shop', byRole: 'admin', at: '2026-11-21T10:00:00.000Z' } }, { status: 201, statusText: 'Created' });
    await render();

    expect(card(question.id).querySelector('form')).toBeNull();
    expect(text(card(question.id).querySelector('.answer-text'))).toBe('Answer: Yes: an E27 bulb comes in the box.');
    expect(text(card(question.id).querySelector('.answer .byline'))).toContain('Answered by MEAN Shop');
    expect(text(page().querySelector('.form-success'))).toBe('Your answer to Sophie S. about Brass Lantern is on the product page, and they have been told.');
  });

  it('refuses an empty answer before sending it, and shows the shop\'s refusal in words', async () => {
    const question = staffQuestion();
    await open('/admin/questions', '/api/admin/questions', staffQuestionList([question]));
    const form = card(question.id).querySelector<HTMLFormElement>('form')!;
    form.requestSubmit();
    await render();
    http.expectNone({ method: 'POST' });
    expect(text(card(question.id).querySelector('.field-error'))).toContain('Your answer must be at least 2 characters');

    const field = card(question.id).querySelector<HTMLTextAreaElement>('textarea')!;
    field.value = 'Yes.';
    field.dispatchEvent(new Event('input'));
    form.requestSubmit();
    http.expectOne({ method: 'POST', url: `/api/questions/${question.id}/answers` }).flush(errorBody('conflict', 'This question has been answered already'), { status: 409, statusText: 'Conflict' });
    await render();
    expect(text(card(question.id).querySelector('[role="alert"]'))).toBe('This question has been answered already');
  });

  it('shows answered questions on their tab, and pages', async () => {
    const answered = staffQuestion({ answer: { text: 'Two years.', byName: 'Nordic Home Co.', byRole: 'seller', at: '2026-11-21T10:00:00.000Z' } });
    const request = await open('/admin/questions?status=answered&page=2', '/api/admin/questions', staffQuestionList([answered], { total: 21, page: 2 }));
    expect(request.request.params.get('status')).toBe('answered');
    expect(request.request.params.get('page')).toBe('2');
    expect(text(page().querySelector('.count'))).toBe('21 questions answered · page 2 of 2');
    expect(page().querySelector('.status-tabs a[aria-current="page"]')?.textContent).toBe('Answered');
    expect(card(answered.id).querySelector('form')).toBeNull();
    expect(text(card(answered.id).querySelector('.answer'))).toContain('Answered by Nordic Home Co.');
    expect(page().querySelector('shop-pager a[rel="prev"]')).not.toBeNull();

    page().querySelector<HTMLAnchorElement>('.status-tabs a')!.click();
    await settle();
    listRequest('/api/admin/questions').flush(staffQuestionList([]));
    await render();
    expect(TestBed.inject(Router).url).toBe('/admin/questions');
  });

  it('announces questions asked meanwhile and shows them on request', async () => {
    await open('/admin/questions', '/api/admin/questions');
    const socket = TestBed.inject(FakeShopSocket);
    socket.pushQuestionAsked({ questionId: 'f00000000000000000000009', productId: 'a00000000000000000000001', productSlug: 'brass-lantern', productTitle: 'Brass Lantern' });
    socket.pushQuestionAsked({ questionId: 'f0000000000000000000000a', productId: 'a00000000000000000000001', productSlug: 'brass-lantern', productTitle: 'Brass Lantern' });
    await render();
    const arrivals = page().querySelector('.arrivals')!;
    expect(arrivals.getAttribute('role')).toBe('status');
    expect(text(arrivals)).toContain('2 new questions have arrived.');
    arrivals.querySelector('button')!.click();
    await settle();
    listRequest('/api/admin/questions').flush(staffQuestionList([staffQuestion()]));
    await render();
    expect(text(page().querySelector('.arrivals'))).toBe('');
    expect(page().querySelectorAll('.question-card').length).toBe(1);
  });

  it('explains a failed load and tries again', async () => {
    await harness.navigateByUrl('/admin/questions');
    await settle();
    listRequest('/api/admin/questions').flush(errorBody('internal_error', 'boom'), { status: 500, statusText: 'Server Error' });
    await render();
    const alert = page().querySelector('[role="alert"]')!;
    expect(text(alert)).toContain('We couldn’t load the questions. Something went wrong on our side.');
    alert.querySelector('button')!.click();
    await settle();
    listRequest('/api/admin/questions').flush(staffQuestionList([]));
    await render();
    expect(page().querySelector('.empty')).not.toBeNull();
  });
});
