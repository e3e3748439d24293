import type { Category } from '@shared/catalog/product';
import { categoryOptions } from './category-options';

function category(id: string, name: string, parentId: string | null = null): Category {
  return { id, slug: name.toLowerCase(), name, parentId, productCount: 0 };
}

describe('categoryOptions', () => {
  it('puts each category under its parent, indented by its depth, siblings in the given order', () => {
    const options = categoryOptions([category('k', 'Kitchen', 'h'), category('h', 'Home'), category('g', 'Garden'), category('p', 'Pans', 'k'), category('b', 'Bath', 'h')]);
    expect(options.map((option) => [option.name, option.depth])).toEqual([
      ['Home', 0],
      ['Kitchen', 1],
      ['Pans', 2],
      ['Bath', 1],
      ['Garden', 0],
    ]);
    expect(options[2]!.label).toBe('\u2003\u2003Pans');
    expect(options[2]!.path).toBe('Home › Kitchen › Pans');
  });

  it('keeps a category whose parent is unknown, or that sits in a cycle', () => {
    const options = categoryOptions([category('o', 'Orphan', 'gone'), category('a', 'A', 'b'), category('b', 'B', 'a')]);
    expect(options.map((option) => option.name).sort()).toEqual(['A', 'B', 'Orphan']);
  });
});
