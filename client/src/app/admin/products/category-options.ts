import type { Category } from '@shared/catalog/product';

/** A category as one option of a select that shows the tree: its depth indents it. */
export interface CategoryOption {
  id: string;
  slug: string;
  name: string;
  depth: number;
  /** The name indented by its depth, for an `<option>`, which takes no styling of its own. */
  label: string;
  /** Every name from the top, `Home › Kitchen`, for where the indentation is not seen. */
  path: string;
}

const indent = '\u2003';

/**
 * The categories in tree order, each parent followed by its children, siblings in the order the
 * API gives them (its display order). A category whose parent is missing is shown at the top
 * rather than lost; a cycle cannot hide one either.
 */
export function categoryOptions(categories: readonly Category[]): CategoryOption[] {
  const ids = new Set(categories.map((category) => category.id));
  const children = new Map<string | null, Category[]>();
  for (const category of categories) {
    const parent = category.parentId !== null && ids.has(category.parentId) ? category.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), category]);
  }
  const options: CategoryOption[] = [];
  const placed = new Set<string>();
  const visit = (parentId: string | null, depth: number, names: string[]) => {
    for (const category of children.get(parentId) ?? []) {
      if (placed.has(category.id)) continue;
      placed.add(category.id);
      const path = [...names, category.name];
      options.push({ id: category.id, slug: category.slug, name: category.name, depth, label: `${indent.repeat(depth)}${category.name}`, path: path.join(' › ') });
      visit(category.id, depth + 1, path);
    }
  };
  visit(null, 0, []);
  for (const category of categories) {
    if (!placed.has(category.id)) options.push({ id: category.id, slug: category.slug, name: category.name, depth: 0, label: category.name, path: category.name });
  }
  return options;
}
