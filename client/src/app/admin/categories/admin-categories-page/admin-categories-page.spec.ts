import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Category } from '@shared/catalog/product';
import { errorBody, nextRequest, settle } from '../../../core/testing/http-testing';
import { AdminCategoriesPage } from './admin-categories-page';

const homeId = 'c00000000000000000000001';
const kitchenId = 'c00000000000000000000002';
const pansId = 'c00000000000000000000003';
const gardenId = 'c00000000000000000000004';
const seasonalId = 'c00000000000000000000005';

const home: Category = { id: homeId, slug: 'home', name: 'Home', parentId: null, productCount: 7 };
const kitchen: Category = { id: kitchenId, slug: 'kitchen', name: 'Kitchen', parentId: homeId, productCount: 5 };
const pans: Category = { id: pansId, slug: 'pans', name: 'Pans', parentId: kitchenId, productCount: 2 };
const garden: Category = { id: gardenId, slug: 'garden', name: 'Garden', parentId: null, productCount: 0 };
const seasonal: Category = { id: seasonalId, slug: 'seasonal', name: 'Seasonal', parentId: gardenId, productCount: 0 };
/** As the API answers: a flat list, children before their parents here to show the order does not matter. */
const categories = [pans, home, garden, kitchen, seasonal];

describe('AdminCategoriesPage', () => {
  let fixture: ComponentFixture<AdminCategoriesPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AdminCategoriesPage);
  });

  afterEach(() => http.verify());

  const page = (): HTMLElement => fixture.nativeElement;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const dialog = () => page().querySelector<HTMLDialogElement>('dialog')!;
  const item = (id: string) => page().querySelector<HTMLLIElement>(`li[data-category-id="${id}"]`)!;
  const row = (id: string) => item(id).querySelector<HTMLElement>(':scope > .row')!;
  const buttonIn = (within: Element, name: string) => [...within.querySelectorAll('button')].find((candidate) => text(candidate) === name)!;
  const names = (list: Element) => [...list.querySelectorAll(':scope > li > .row .name')].map((name) => text(name));

  async function render(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await settle();
    fixture.detectChanges();
  }

  async function open(list: Category[] = categories): Promise<void> {
    fixture.detectChanges();
    (await nextRequest(http, '/api/admin/categories', 'GET')).flush(list);
    await render();
  }

  /** The list the page reads again after each change. */
  async function relist(list: Category[]): Promise<void> {
    (await nextRequest(http, '/api/admin/categories', 'GET')).flush(list);
    await render();
  }

  async function type(field: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
    field.dispatchEvent(new Event('blur'));
    await render();
  }

  async function click(button: HTMLButtonElement): Promise<void> {
    button.click();
    await render();
  }

  it('shows the flat list as a tree, each category with its product count', async () => {
    await open();
    const top = page().querySelector('ul.tree')!;
    expect(names(top)).toEqual(['Home', 'Garden']);
    expect(names(item(homeId).querySelector('ul')!)).toEqual(['Kitchen']);
    expect(names(item(kitchenId).querySelector('ul')!)).toEqual(['Pans']);
    expect(text(row(homeId).querySelector('.product-count'))).toBe('7 products');
    expect(text(row(gardenId).querySelector('.product-count'))).toBe('No products');
    expect(text(page().querySelector('.count'))).toBe('5 categories');
  });

  it('folds and unfolds a branch', async () => {
    await open();
    const toggle = row(homeId).querySelector<HTMLButtonElement>('button.twisty')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(text(toggle)).toBe('Sub-categories of Home');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(item(kitchenId)).toBeNull();
    await click(toggle);
    expect(names(item(homeId).querySelector('ul')!)).toEqual(['Kitchen']);
    expect(row(pansId).querySelector('button.twisty')).withContext('a leaf has nothing to fold').toBeNull();
  });

  it('says when there are no categories yet', async () => {
    await open([]);
    expect(text(page().querySelector('.notice'))).toBe('No categories yet. Add the first one above.');
    expect(page().querySelector('ul.tree')).toBeNull();
  });

  it('says why the list did not load, and tries again', async () => {
    fixture.detectChanges();
    expect(text(page().querySelector('[aria-busy="true"]'))).toBe('Loading categories…');
    (await nextRequest(http, '/api/admin/categories', 'GET')).flush(errorBody('internal_error', 'boom'), { status: 500, statusText: 'Server Error' });
    await render();
    const alert = page().querySelector('shop-load-error [role="alert"]')!;
    expect(text(alert)).toContain("We couldn't load the categories. Something went wrong on our side.");
    await click(alert.querySelector('button')!);
    await relist(categories);
    expect(names(page().querySelector('ul.tree')!)).toEqual(['Home', 'Garden']);
  });

  describe('adding', () => {
    const form = () => page().querySelector<HTMLFormElement>('form.add-form')!;

    it('offers every category as the parent, indented by depth, and posts the name and the chosen parent', async () => {
      await open();
      const parent = page().querySelector<HTMLSelectElement>('#new-category-parent')!;
      expect([...parent.options].map((option) => option.textContent)).toEqual(['Nothing: top level', 'Home', '\u00a0\u00a0\u00a0Kitchen', '\u00a0'.repeat(6) + 'Pans', 'Garden', '\u00a0\u00a0\u00a0Seasonal']);
      await type(page().querySelector<HTMLInputElement>('#new-category-name')!, '  Lamps ');
      await type(parent, kitchenId);
      await click(buttonIn(form(), 'Add category'));

      const request = await nextRequest(http, '/api/admin/categories', 'POST');
      expect(request.request.body).toEqual({ name: 'Lamps', parentId: kitchenId });
      const lamps: Category = { id: 'c00000000000000000000009', slug: 'lamps', name: 'Lamps', parentId: kitchenId, productCount: 0 };
      request.flush(lamps, { status: 201, statusText: 'Created' });
      await render();
      await relist([...categories, lamps]);
      expect(text(page().querySelector('[role="status"]'))).toBe('Lamps was added under Kitchen.');
      expect(names(item(kitchenId).querySelector('ul')!)).toEqual(['Pans', 'Lamps']);
      expect(page().querySelector<HTMLInputElement>('#new-category-name')!.value).toBe('');
    });

    it('adds at the top level with a slug of its own, and sends nothing without a name', async () => {
      await open();
      await click(buttonIn(form(), 'Add category'));
      expect(text(form().querySelector('#new-category-name-error'))).toBe('Error: Name is required');
      http.expectNone({ method: 'POST' });

      await type(page().querySelector<HTMLInputElement>('#new-category-name')!, 'Outdoor');
      await type(page().querySelector<HTMLInputElement>('#new-category-slug')!, 'Outdoor Things');
      expect(text(form().querySelector('#new-category-slug-error'))).toContain('Slug must be lower-case letters and digits');
      await type(page().querySelector<HTMLInputElement>('#new-category-slug')!, 'outdoor-things');
      await click(buttonIn(form(), 'Add category'));
      const request = await nextRequest(http, '/api/admin/categories', 'POST');
      expect(request.request.body).toEqual({ name: 'Outdoor', slug: 'outdoor-things', parentId: null });
      request.flush(errorBody('conflict', 'Another category already uses this slug', [{ path: 'body.slug', message: 'is taken' }]), { status: 409, statusText: 'Conflict' });
      await render();
      expect(text(form().querySelector('[role="alert"]'))).toBe('Another category already uses this slug');
      expect(text(form().querySelector('#new-category-slug-error'))).toBe('Error: Slug is taken');
    });

    it('asks for a slug when the server could not make one from the name', async () => {
      await open();
      await type(page().querySelector<HTMLInputElement>('#new-category-name')!, '家具');
      await click(buttonIn(form(), 'Add category'));
      expect(text(form().querySelector('#new-category-slug-error'))).toBe('Error: Slug is needed when the name has no letters a to z or digits');
      expect(document.activeElement?.id).toBe('new-category-slug');
      http.expectNone({ method: 'POST' });

      await type(page().querySelector<HTMLInputElement>('#new-category-name')!, 'Crème brûlée');
      await type(page().querySelector<HTMLInputElement>('#new-category-slug')!, '');
      await click(buttonIn(form(), 'Add category'));
      const request = await nextRequest(http, '/api/admin/categories', 'POST');
      expect(request.request.body).toEqual({ name: 'Crème brûlée', parentId: null });
      request.flush({ id: 'c00000000000000000000009', slug: 'creme-brulee', name: 'Crème brûlée', parentId: null, productCount: 0 }, { status: 201, statusText: 'Created' });
      await render();
      await relist(categories);
    });
  });

  describe('renaming', () => {
    async function startRename(id: string): Promise<HTMLFormElement> {
      await click(buttonIn(row(id), `Rename ${categories.find((category) => category.id === id)!.name}`));
      return row(id).querySelector<HTMLFormElement>('form.rename')!;
    }

    it('edits the name in place, PATCHes only what changed, and shows the new name', async () => {
      await open();
      const form = await startRename(kitchenId);
      const name = form.querySelector<HTMLInputElement>(`#rename-name-${kitchenId}`)!;
      expect(document.activeElement).toBe(name);
      expect(name.value).toBe('Kitchen');
      await type(name, 'Cookware');
      await click(buttonIn(form, 'Save'));

      const request = await nextRequest(http, `/api/admin/categories/${kitchenId}`, 'PATCH');
      expect(request.request.body).toEqual({ name: 'Cookware' });
      request.flush({ ...kitchen, name: 'Cookware' });
      await render();
      await relist(categories.map((category) => (category.id === kitchenId ? { ...category, name: 'Cookware' } : category)));
      expect(row(kitchenId).querySelector('form')).toBeNull();
      expect(text(row(kitchenId).querySelector('.name'))).toBe('Cookware');
      expect(text(page().querySelector('[role="status"]'))).toBe('Kitchen is now called Cookware.');
      expect(document.activeElement?.id).toBe(`rename-${kitchenId}`);
    });

    it('shows the server refusing a slug that is taken next to the field, and keeps the form open', async () => {
      await open();
      const form = await startRename(kitchenId);
      await type(form.querySelector<HTMLInputElement>(`#rename-slug-${kitchenId}`)!, 'garden');
      await click(buttonIn(form, 'Save'));

      const request = await nextRequest(http, `/api/admin/categories/${kitchenId}`, 'PATCH');
      expect(request.request.body).toEqual({ slug: 'garden' });
      request.flush(errorBody('conflict', 'Another category already uses this slug', [{ path: 'body.slug', message: 'is taken' }]), { status: 409, statusText: 'Conflict' });
      await render();
      expect(text(form.querySelector('[role="alert"]'))).toBe('Another category already uses this slug');
      expect(text(form.querySelector(`#rename-slug-error-${kitchenId}`))).toBe('Error: Slug is taken');
      expect(row(kitchenId).querySelector('form.rename')).toBe(form);
    });

    it('cancels with Escape, sending nothing, and returns to the Rename button', async () => {
      await open();
      const form = await startRename(gardenId);
      const name = form.querySelector<HTMLInputElement>(`#rename-name-${gardenId}`)!;
      await type(name, 'Yard');
      name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await render();
      expect(row(gardenId).querySelector('form')).toBeNull();
      expect(text(row(gardenId).querySelector('.name'))).toBe('Garden');
      expect(document.activeElement?.id).toBe(`rename-${gardenId}`);
      http.expectNone({ method: 'PATCH' });
    });
  });

  describe('moving', () => {
    async function startMove(id: string, name: string): Promise<HTMLSelectElement> {
      await click(buttonIn(row(id), `Move ${name}`));
      return page().querySelector<HTMLSelectElement>(`#move-target-${id}`)!;
    }

    it('never offers the category itself, its descendants or where it already is', async () => {
      await open();
      const target = await startMove(kitchenId, 'Kitchen');
      expect(document.activeElement).toBe(target);
      const offered = [...target.options].filter((option) => !option.disabled).map((option) => [option.value, option.textContent?.replace(/\u00a0/g, '')]);
      expect(offered).toEqual([
        ['top', 'Top level'],
        [gardenId, 'Under Garden'],
        [seasonalId, 'Under Seasonal'],
      ]);

      await click(buttonIn(row(kitchenId), 'Move Kitchen'));
      const homeTargets = await startMove(homeId, 'Home');
      expect([...homeTargets.options].filter((option) => !option.disabled).map((option) => option.value)).withContext('already at the top level').toEqual([gardenId, seasonalId]);
    });

    it('asks first, saying what moves with it, and PATCHes the new parent once confirmed', async () => {
      await open();
      await type(await startMove(kitchenId, 'Kitchen'), gardenId);
      await click(buttonIn(item(kitchenId).querySelector('form.move')!, 'Move…'));
      expect(dialog().open).toBeTrue();
      expect(text(dialog().querySelector('h2'))).toBe('Move Kitchen under Garden?');
      expect(text(dialog())).toContain('Its 5 products on sale and 1 sub-category move with it.');
      http.expectNone({ method: 'PATCH' });

      await click(buttonIn(dialog(), 'Move Kitchen'));
      const request = await nextRequest(http, `/api/admin/categories/${kitchenId}`, 'PATCH');
      expect(request.request.body).toEqual({ parentId: gardenId });
      request.flush({ ...kitchen, parentId: gardenId });
      await render();
      await relist(categories.map((category) => (category.id === kitchenId ? { ...category, parentId: gardenId } : category)));
      expect(dialog().open).toBeFalse();
      expect(names(item(gardenId).querySelector('ul')!)).withContext('in the order the server lists them').toEqual(['Kitchen', 'Seasonal']);
      expect(item(homeId).querySelector('ul')).toBeNull();
      expect(text(page().querySelector('[role="status"]'))).toBe('Kitchen was moved under Garden.');
    });

    it('sends nothing when the confirmation is cancelled', async () => {
      await open();
      await type(await startMove(pansId, 'Pans'), 'top');
      await click(buttonIn(item(pansId).querySelector('form.move')!, 'Move…'));
      expect(text(dialog().querySelector('h2'))).toBe('Move Pans to the top level?');
      await click(buttonIn(dialog(), 'Keep as it is'));
      expect(dialog().open).toBeFalse();
      http.expectNone({ method: 'PATCH' });
      expect(names(item(kitchenId).querySelector('ul')!)).toEqual(['Pans']);
    });

    it('asks for a choice before confirming, and says in words when the server refuses the move', async () => {
      await open();
      await startMove(pansId, 'Pans');
      await click(buttonIn(item(pansId).querySelector('form.move')!, 'Move…'));
      expect(dialog().open).toBeFalse();
      expect(text(page().querySelector(`#move-target-error-${pansId}`))).toBe('Choose where Pans goes');

      await type(page().querySelector<HTMLSelectElement>(`#move-target-${pansId}`)!, homeId);
      await click(buttonIn(item(pansId).querySelector('form.move')!, 'Move…'));
      await click(buttonIn(dialog(), 'Move Pans'));
      (await nextRequest(http, `/api/admin/categories/${pansId}`, 'PATCH')).flush(errorBody('validation_failed', 'cannot be the category itself or one of its sub-categories', [{ path: 'body.parentId', message: 'cannot be the category itself or one of its sub-categories' }]), {
        status: 400,
        statusText: 'Bad Request',
      });
      await render();
      expect(text(item(pansId).querySelector('[role="alert"]'))).toBe('Pans was not moved: cannot be the category itself or one of its sub-categories.');
    });
  });

  describe('deleting', () => {
    it('is offered only for a category with no sub-categories and no products', async () => {
      await open();
      const deletable = [...page().querySelectorAll('li[data-category-id]')].filter((node) => buttonIn(node.querySelector(':scope > .row')!, `Delete ${text(node.querySelector('.name'))}`));
      expect(deletable.map((node) => node.getAttribute('data-category-id'))).toEqual([seasonalId]);
    });

    it('asks first, in the danger colour, and sends DELETE once confirmed', async () => {
      await open();
      await click(buttonIn(row(seasonalId), 'Delete Seasonal'));
      expect(text(dialog().querySelector('h2'))).toBe('Delete Seasonal?');
      expect(buttonIn(dialog(), 'Delete category').classList).toContain('danger');
      http.expectNone({ method: 'DELETE' });

      await click(buttonIn(dialog(), 'Delete category'));
      (await nextRequest(http, `/api/admin/categories/${seasonalId}`, 'DELETE')).flush(null, { status: 204, statusText: 'No Content' });
      await render();
      await relist(categories.filter((category) => category.id !== seasonalId));
      expect(item(seasonalId)).toBeNull();
      expect(text(page().querySelector('[role="status"]'))).toBe('Seasonal was deleted.');
    });

    it('sends nothing when cancelled, and shows the server refusing in words', async () => {
      await open();
      await click(buttonIn(row(seasonalId), 'Delete Seasonal'));
      await click(buttonIn(dialog(), 'Keep as it is'));
      http.expectNone({ method: 'DELETE' });

      await click(buttonIn(row(seasonalId), 'Delete Seasonal'));
      await click(buttonIn(dialog(), 'Delete category'));
      (await nextRequest(http, `/api/admin/categories/${seasonalId}`, 'DELETE')).flush(errorBody('conflict', 'Move its products to another category first'), { status: 409, statusText: 'Conflict' });
      await render();
      expect(dialog().open).toBeFalse();
      expect(text(item(seasonalId).querySelector('[role="alert"]'))).toBe('Seasonal was not deleted: Move its products to another category first. Drafts and archived products count too.');
    });
  });
});
