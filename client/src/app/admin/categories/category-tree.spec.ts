import type { Category } from '@shared/catalog/product';
import { categoryTree, flattenTree, indentedName, moveTargets, productCountText, subtreeIds } from './category-tree';

function category(id: string, parentId: string | null, productCount = 0): Category {
  return { id, slug: id, name: id.toUpperCase(), parentId, productCount };
}

describe('category tree', () => {
  const flat = [category('home', null, 7), category('kitchen', 'home', 5), category('pans', 'kitchen', 2), category('garden', null), category('bath', 'home', 2)];

  it('nests a flat list under each parent, keeping the server order among siblings', () => {
    const tree = categoryTree(flat);
    expect(tree.map((node) => node.category.id)).toEqual(['home', 'garden']);
    expect(tree[0].children.map((node) => node.category.id)).toEqual(['kitchen', 'bath']);
    expect(tree[0].children[0].children.map((node) => [node.category.id, node.depth])).toEqual([['pans', 2]]);
    expect(flattenTree(tree).map((node) => node.category.id)).toEqual(['home', 'kitchen', 'pans', 'bath', 'garden']);
  });

  it('shows a category whose parent is missing, or that sits in a loop, once at the top level', () => {
    const tree = categoryTree([category('lost', 'gone'), category('a', 'b'), category('b', 'a'), category('self', 'self')]);
    expect(flattenTree(tree).map((node) => node.category.id).sort()).toEqual(['a', 'b', 'lost', 'self']);
    expect(tree.map((node) => node.category.id)).toContain('lost');
    expect(tree.map((node) => node.category.id)).toContain('self');
  });

  it('never offers a category, its descendants or its current parent as where it moves', () => {
    const tree = categoryTree(flat);
    const kitchen = tree[0].children[0];
    expect([...subtreeIds(kitchen)].sort()).toEqual(['kitchen', 'pans']);
    expect(moveTargets(tree, kitchen).map((node) => node.category.id)).toEqual(['bath', 'garden']);
    expect(moveTargets(tree, tree[0]).map((node) => node.category.id)).toEqual(['garden']);
  });

  it('indents names by depth and counts products in words', () => {
    const pans = flattenTree(categoryTree(flat))[2];
    expect(indentedName(pans)).toBe('\u00a0'.repeat(6) + 'PANS');
    expect([0, 1, 12].map(productCountText)).toEqual(['No products', '1 product', '12 products']);
  });
});
