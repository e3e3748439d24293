import type { ErrorBody } from '@shared/errors';
import type { ProductQuestion, ProductQuestions, StaffQuestion, StaffQuestionList } from '@shared/questions/questions';
import type { QuestionAnswered } from '@shared/realtime/socket-events';
import { Types } from 'mongoose';
import { bearer, goodPassword, signInAs, signUp, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { nextEvent, SocketClients } from '../../test/socket-clients';
import { useTestShop } from '../../test/test-shop';
import { SellerModel } from '../sellers/seller.model';
import { ensureSellerRecords } from '../sellers/sellers.service';

describe('shopper questions (GET/POST /api/products/:id/questions, POST /api/questions/:id/answers)', () => {
  const shop = useTestShop();
  const sockets = new SocketClients(shop);
  let admin: Session;
  let sellerA: Session;
  let sellerB: Session;
  let category: Awaited<ReturnType<typeof createCategory>>;

  beforeAll(async () => {
    [admin, sellerA, sellerB] = await Promise.all([signInAs(shop, 'admin'), signInAs(shop, 'seller'), signInAs(shop, 'seller')]);
    await ensureSellerRecords();
    category = await createCategory(shop, 'Question lamps');
  });

  afterEach(() => sockets.closeAll());

  const productOf = (seller: Session | null, fixture: { status?: 'draft' | 'active' | 'archived' } = {}) =>
    createProduct(shop, { category, ...fixture, ...(seller ? { sellerId: new Types.ObjectId(seller.auth.user.id) } : {}) });

  function ask(productId: string, json: unknown, session?: Session): Promise<Response> {
    return shop.request(`/api/products/${productId}/questions`, { method: 'POST', json, ...(session ? { headers: bearer(session) } : {}) });
  }

  async function asked(productId: string, session: Session, text = 'Does it come with a bulb, and which fitting?'): Promise<ProductQuestion> {
    const response = await ask(productId, { text }, session);
    expect(response.status).withContext(await response.clone().text()).toBe(201);
    return (await response.json()) as ProductQuestion;
  }

  function answer(questionId: string, json: unknown, session: Session): Promise<Response> {
    return shop.request(`/api/questions/${questionId}/answers`, { method: 'POST', headers: bearer(session), json });
  }

  async function productPage(productId: string, session?: Session, query = ''): Promise<ProductQuestions> {
    const response = await shop.request(`/api/products/${productId}/questions${query}`, session ? { headers: bearer(session) } : {});
    expect(response.status).withContext(await response.clone().text()).toBe(200);
    return (await response.json()) as ProductQuestions;
  }

  async function staffList(path: '/api/seller/questions' | '/api/admin/questions', session: Session, status = 'unanswered'): Promise<StaffQuestionList> {
    const response = await shop.request(`${path}?status=${status}&limit=100`, { headers: bearer(session) });
    expect(response.status).withContext(await response.clone().text()).toBe(200);
    return (await response.json()) as StaffQuestionList;
  }

  const ids = (list: { items: Array<{ id: string }> }) => list.items.map((item) => item.id);
  const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

  it('lets a shopper ask, keeps the question theirs until the product\'s seller answers it, then shows it to everyone', async () => {
    const lamp = await productOf(sellerA);
    const productId = lamp._id.toString();
    const asker = await signUp(shop);
    const question = await asked(productId, asker);
    expect(question).toEqual(jasmine.objectContaining({ productId, askerName: 'Test P.', text: 'Does it come with a bulb, and which fitting?', answer: null }));

    // Not public while unanswered: guests and other shoppers see nothing; the asker sees it waiting.
    expect(await productPage(productId)).toEqual({ items: [], total: 0, page: 1, limit: 5, pending: [] });
    expect((await productPage(productId, await signUp(shop))).pending).toEqual([]);
    expect((await productPage(productId, asker)).pending).toEqual([question]);

    // Only the product's seller has it to answer.
    expect(ids(await staffList('/api/seller/questions', sellerA))).toContain(question.id);
    expect(ids(await staffList('/api/seller/questions', sellerB))).not.toContain(question.id);
    expect(ids(await staffList('/api/admin/questions', admin))).toContain(question.id);
    const other = await answer(question.id, { text: 'Not my lamp, but yes.' }, sellerB);
    expect(other.status).withContext('another seller: as if there were no such question').toBe(404);
    expect((await errorOf(other)).code).toBe('not_found');
    expect((await answer(question.id, { text: 'Yes it does.' }, asker)).status).withContext('a customer').toBe(403);

    const answered = await answer(question.id, { text: '  Yes: an E27 LED bulb comes in the box.\r\nWarm white.  ' }, sellerA);
    expect(answered.status).withContext(await answered.clone().text()).toBe(201);
    const body = (await answered.json()) as StaffQuestion;
    expect(body.answer).toEqual({ text: 'Yes: an E27 LED bulb comes in the box.\nWarm white.', byName: sellerA.auth.user.name, byRole: 'seller', at: jasmine.any(String) });
    expect(body.product).toEqual({ id: productId, slug: lamp.slug, title: lamp.title });
    expect({ sellerId: body.sellerId, sellerName: body.sellerName }).toEqual({ sellerId: sellerA.auth.user.id, sellerName: sellerA.auth.user.name });

    // Answered once: a second answer changes nothing.
    const again = await answer(question.id, { text: 'Changed my mind.' }, sellerA);
    expect(again.status).toBe(409);
    expect((await answer(question.id, { text: 'Changed my mind.' }, admin)).status).toBe(409);

    const page = await productPage(productId);
    expect(page.total).toBe(1);
    expect(page.items).toEqual([{ ...question, answer: body.answer }]);
    expect((await productPage(productId, asker)).pending).withContext('no longer waiting').toEqual([]);
    expect(ids(await staffList('/api/seller/questions', sellerA))).not.toContain(question.id);
    expect(ids(await staffList('/api/seller/questions', sellerA, 'answered'))).toContain(question.id);
    expect(ids(await staffList('/api/seller/questions', sellerB, 'answered'))).not.toContain(question.id);
  });

  it('keeps a deleted account\'s questions for other shoppers, under no name', async () => {
    const lamp = await productOf(sellerA);
    const productId = lamp._id.toString();
    const asker = await signUp(shop);
    const question = await asked(productId, asker);
    expect(question.askerName).toBe('Test P.');
    expect((await answer(question.id, { text: 'Yes, an E27 bulb.' }, sellerA)).status).toBe(201);
    const unanswered = await asked(productId, asker, 'Is the cable braided?');

    const deleted = await shop.request('/api/account', { method: 'DELETE', headers: bearer(asker), json: { password: goodPassword } });
    expect(deleted.status).withContext(await deleted.clone().text()).toBe(204);

    const page = await productPage(productId);
    expect(page.items.map((item) => [item.id, item.askerName])).toEqual([[question.id, 'A shopper']]);
    const waiting = (await staffList('/api/seller/questions', sellerA)).items.find((item) => item.id === unanswered.id);
    expect(waiting?.askerName).withContext('still to answer, for the seller').toBe('A shopper');
  });

  it('lets an admin answer any question, the shop\'s own products\' as the shop, which sellers never see', async () => {
    const [shopLamp, sellerLamp] = [await productOf(null), await productOf(sellerA)];
    const asker = await signUp(shop);
    const own = await asked(shopLamp._id.toString(), asker);
    const sellers = await asked(sellerLamp._id.toString(), asker);

    for (const seller of [sellerA, sellerB]) {
      expect(ids(await staffList('/api/seller/questions', seller))).not.toContain(own.id);
      expect((await answer(own.id, { text: 'It is ours, not yours.' }, seller)).status).toBe(404);
    }
    const unanswered = await staffList('/api/admin/questions', admin);
    expect(ids(unanswered)).toEqual(jasmine.arrayContaining([own.id, sellers.id]));
    expect(unanswered.items.find((item) => item.id === own.id)).toEqual(jasmine.objectContaining({ sellerId: null, sellerName: 'MEAN Shop', product: { id: shopLamp._id.toString(), slug: shopLamp.slug, title: shopLamp.title } }));

    const response = await answer(own.id, { text: 'Yes, two years.' }, admin);
    expect(response.status).toBe(201);
    expect(((await response.json()) as StaffQuestion).answer).toEqual(jasmine.objectContaining({ byName: 'MEAN Shop', byRole: 'admin' }));
    expect((await answer(sellers.id, { text: 'Answered for the seller.' }, admin)).status).withContext('a seller\'s product too').toBe(201);
    expect(ids(await staffList('/api/admin/questions', admin, 'answered'))).toEqual(jasmine.arrayContaining([own.id, sellers.id]));
  });

  it('lists waiting questions oldest first and answered ones newest first, paged', async () => {
    const seller = await signInAs(shop, 'seller');
    await ensureSellerRecords();
    const lamp = await productOf(seller);
    const asker = await signUp(shop);
    const first = await asked(lamp._id.toString(), asker, 'The first question of three.');
    const second = await asked(lamp._id.toString(), asker, 'The second question of three.');
    const third = await asked(lamp._id.toString(), asker, 'The third question of three.');

    const pageOne = (await (await shop.request('/api/seller/questions?limit=2', { headers: bearer(seller) })).json()) as StaffQuestionList;
    expect({ ids: ids(pageOne), total: pageOne.total }).toEqual({ ids: [first.id, second.id], total: 3 });
    const pageTwo = (await (await shop.request('/api/seller/questions?limit=2&page=2', { headers: bearer(seller) })).json()) as StaffQuestionList;
    expect(ids(pageTwo)).toEqual([third.id]);
    expect((await productPage(lamp._id.toString(), asker)).pending.map((question) => question.id)).toEqual([third.id, second.id, first.id]);

    for (const question of [first, second, third]) expect((await answer(question.id, { text: 'Answered.' }, seller)).status).toBe(201);
    expect(ids(await staffList('/api/seller/questions', seller, 'answered'))).toEqual([third.id, second.id, first.id]);
    const publicPage = await productPage(lamp._id.toString(), undefined, '?limit=2&page=2');
    expect({ ids: ids(publicPage), total: publicPage.total, page: publicPage.page }).toEqual({ ids: [first.id], total: 3, page: 2 });
  });

  it('stores and answers markup as the very text that was sent', async () => {
    const lamp = await productOf(sellerA);
    const asker = await signUp(shop);
    const markup = '<img src=x onerror=alert(1)>';
    const question = await asked(lamp._id.toString(), asker, markup);
    expect(question.text).toBe(markup);
    expect((await productPage(lamp._id.toString(), asker)).pending[0]!.text).toBe(markup);
    const reply = '<script>alert("answer")</script> & "quotes"';
    expect((await answer(question.id, { text: reply }, sellerA)).status).toBe(201);
    const [shown] = (await productPage(lamp._id.toString())).items;
    expect(shown!.text).toBe(markup);
    expect(shown!.answer!.text).toBe(reply);
  });

  it('refuses invalid questions and answers with 400 before reading anything, and unknown or unsold products with 404', async () => {
    const lamp = await productOf(sellerA);
    const productId = lamp._id.toString();
    const asker = await signUp(shop);
    for (const json of [
      {},
      { text: '' },
      { text: '          short    ' },
      { text: 'x'.repeat(1001) },
      { text: { $gt: '' } },
      { text: ['Is it any good at all?'] },
      { text: 'A question with a bell \u0007 in it.' },
      { text: 'A perfectly fine question?', answered: true },
      { text: 'A perfectly fine question?', askerId: asker.auth.user.id },
    ]) {
      const response = await ask(productId, json, asker);
      expect(response.status).withContext(JSON.stringify(json)).toBe(400);
      expect((await errorOf(response)).code).toBe('validation_failed');
    }
    expect((await ask(productId, { text: `  ${'x'.repeat(1000)}  ` }, asker)).status).withContext('1000 once trimmed').toBe(201);
    expect((await ask('not-an-id', { text: 'Is it any good at all?' }, asker)).status).toBe(400);
    expect((await ask(new Types.ObjectId().toString(), { text: 'Is it any good at all?' }, asker)).status).toBe(404);
    const draft = await productOf(sellerA, { status: 'draft' });
    expect((await ask(draft._id.toString(), { text: 'Is it any good at all?' }, asker)).status).toBe(404);
    expect((await shop.request(`/api/products/${draft._id.toString()}/questions`)).status).toBe(404);
    expect((await shop.request(`/api/products/${new Types.ObjectId().toString()}/questions`)).status).toBe(404);
    expect((await shop.request(`/api/products/${productId}/questions?limit=21`)).status).toBe(400);
    expect((await shop.request(`/api/products/${productId}/questions?sort=oldest`)).status).toBe(400);
    expect((await ask(productId, { text: 'Is it any good at all?' })).status).withContext('a guest').toBe(401);

    const question = await asked(productId, asker);
    for (const json of [{}, { text: ' ' }, { text: { $ne: null } }, { text: 'x'.repeat(2001) }, { text: 'Fine.', byRole: 'admin' }]) {
      const response = await answer(question.id, json, sellerA);
      expect(response.status).withContext(JSON.stringify(json)).toBe(400);
    }
    expect((await answer('not-an-id', { text: 'Fine.' }, sellerA)).status).toBe(400);
    expect((await answer(new Types.ObjectId().toString(), { text: 'Fine.' }, admin)).status).toBe(404);
    expect((await productPage(productId, asker)).pending.map((pending) => pending.id)).withContext('still waiting').toContain(question.id);

    expect((await shop.request('/api/seller/questions?status=open', { headers: bearer(sellerA) })).status).toBe(400);
    expect((await shop.request('/api/seller/questions', { headers: bearer(asker) })).status).toBe(403);
    expect((await shop.request('/api/admin/questions', { headers: bearer(sellerA) })).status).toBe(403);
    expect((await shop.request('/api/admin/questions')).status).toBe(401);
  });

  it('refuses a suspended seller\'s answers and list with 403', async () => {
    const seller = await signInAs(shop, 'seller');
    await ensureSellerRecords();
    const question = await asked((await productOf(seller))._id.toString(), await signUp(shop));
    await SellerModel.updateOne({ _id: seller.auth.user.id }, { $set: { status: 'suspended' } });
    expect((await answer(question.id, { text: 'Yes it does.' }, seller)).status).toBe(403);
    expect((await shop.request('/api/seller/questions', { headers: bearer(seller) })).status).toBe(403);
  });

  it('limits how many questions one user asks in an hour; refused ones do not count', async () => {
    const lamp = await productOf(null);
    const asker = await signUp(shop);
    expect((await ask(lamp._id.toString(), { text: 'short' }, asker)).status).toBe(400);
    for (let index = 1; index <= 10; index += 1) {
      expect((await ask(lamp._id.toString(), { text: `Question number ${index} of ten.` }, asker)).status).withContext(`question ${index}`).toBe(201);
    }
    const limited = await ask(lamp._id.toString(), { text: 'One question too many.' }, asker);
    expect(limited.status).toBe(429);
    expect((await errorOf(limited)).code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await ask(lamp._id.toString(), { text: 'Another shopper asks.' }, await signUp(shop))).status).withContext('counted per user').toBe(201);
  });

  it('tells the owning seller of a new question, and the admins of one about the shop\'s own product', async () => {
    const [sellerSocket, otherSellerSocket, adminSocket] = [await sockets.connect(sellerA), await sockets.connect(sellerB), await sockets.connect(admin)];
    const otherSellerHeard: unknown[] = [];
    otherSellerSocket.on('question:asked', (event) => otherSellerHeard.push(event));
    const lamp = await productOf(sellerA);
    const asker = await signUp(shop);

    const toSeller = nextEvent(sellerSocket, 'question:asked', (event) => event.productId === lamp._id.toString());
    const question = await asked(lamp._id.toString(), asker);
    expect(await toSeller).toEqual({ questionId: question.id, productId: lamp._id.toString(), productSlug: lamp.slug, productTitle: lamp.title });

    const shopLamp = await productOf(null);
    const toAdmins = nextEvent(adminSocket, 'question:asked', (event) => event.productId === shopLamp._id.toString());
    const own = await asked(shopLamp._id.toString(), asker);
    expect((await toAdmins).questionId).toBe(own.id);

    // A round trip on the other seller's socket proves nothing was queued for it.
    await otherSellerSocket.timeout(5000).emitWithAck('watch', { productIds: [] });
    expect(otherSellerHeard).toEqual([]);
  });

  it('pushes question:answered to the asker\'s sockets only', async () => {
    const lamp = await productOf(sellerA);
    const [asker, bystander] = [await signUp(shop), await signUp(shop)];
    const question = await asked(lamp._id.toString(), asker);
    const [askerSocket, bystanderSocket, guestSocket] = [await sockets.connect(asker), await sockets.connect(bystander), await sockets.connect()];
    const overheard: QuestionAnswered[] = [];
    bystanderSocket.on('question:answered', (event) => overheard.push(event));
    guestSocket.on('question:answered', (event) => overheard.push(event));

    const told = nextEvent(askerSocket, 'question:answered', (event) => event.questionId === question.id);
    expect((await answer(question.id, { text: 'Yes, an E27 bulb.' }, sellerA)).status).toBe(201);
    expect(await told).toEqual({ questionId: question.id, productId: lamp._id.toString(), productSlug: lamp.slug, productTitle: lamp.title });

    await bystanderSocket.timeout(5000).emitWithAck('watch', { productIds: [] });
    await guestSocket.timeout(5000).emitWithAck('watch', { productIds: [] });
    expect(overheard).toEqual([]);
  });
});
