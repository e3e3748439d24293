import type { Category } from '@shared/catalog/product';

/** One category with its sub-categories, in the order the server lists them. */
export interface CategoryNode {
  readonly category: Category;
  /** 0 at the top level. */
  readonly depth: number;
  readonly children: readonly CategoryNode[];
}

/**
 * The flat list the API answers as a tree. A category whose parent is not in the list is shown at
 * the top level, and a loop in the data is cut where it closes, so every category appears once.
 */
export function categoryTree(categories: readonly Category[]): CategoryNode[] {
  const known = new Set(categories.map((category) => category.id));
  const childrenOf = new Map<string | null, Category[]>();
  for (const category of categories) {
    const parentId = category.parentId !== null && known.has(category.parentId) && category.parentId !== category.id ? category.parentId : null;
    childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), category]);
  }
  const placed = new Set<string>();
  const grow = (parentId: string | null, depth: number): CategoryNode[] =>
    (childrenOf.get(parentId) ?? [])
      .filter((category) => !placed.has(category.id) && placed.add(category.id))
      .map((category) => ({ category, depth, children: grow(category.id, depth + 1) }));
  const tree = grow(null, 0);
  // Categories only reachable through a loop: shown at the top level rather than lost.
  for (const category of categories) {
    if (!placed.has(category.id)) {
      placed.add(category.id);
      tree.push({ category, depth: 0, children: grow(category.id, 1) });
    }
  }
  return tree;
}

/** Every node, each parent before its children: the order of an indented `<select>`. */
export function flattenTree(nodes: readonly CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The node and everything under it. */
export function subtreeOf(node: CategoryNode): CategoryNode[] {
  return [node, ...flattenTree(node.children)];
}

/** The ids of the category itself and all its descendants, none of which can become its parent. */
export function subtreeIds(node: CategoryNode): Set<string> {
  return new Set(subtreeOf(node).map((member) => member.category.id));
}

/** Where a category can move: any category outside its own branch except its current parent. */
export function moveTargets(tree: readonly CategoryNode[], node: CategoryNode): CategoryNode[] {
  const own = subtreeIds(node);
  return flattenTree(tree).filter((candidate) => !own.has(candidate.category.id) && candidate.category.id !== node.category.parentId);
}

/** A name indented by its depth with no-break spaces, since an `<option>` cannot be padded. */
export function indentedName(node: CategoryNode): string {
  return `${'\u00a0\u00a0\u00a0'.repeat(node.depth)}${node.category.name}`;
}

/** "3 products", "1 product", "No products". */
export function productCountText(count: number): string {
  return count === 0 ? 'No products' : `${count} ${count === 1 ? 'product' : 'products'}`;
}
