import {
  adminProductBulkResultSchema,
  adminProductBulkSchema,
  adminProductInputSchema,
  adminProductListQuerySchema,
  adminProductListSchema,
  adminProductSchema,
  adminProductUpdateSchema,
  categoryInputSchema,
  categorySchema,
  categoryUpdateSchema,
  categoryIdParamsSchema,
  lowStockThresholdInputSchema,
  productIdParamsSchema,
  productStockSchema,
  productRemovalSchema,
  stockAdjustmentSchema,
  stockLevelsSchema,
  stockMovementListQuerySchema,
  stockMovementListSchema,
} from '@shared/catalog/product';
import { z } from 'zod';
import { isDuplicateKeyError } from '../database/errors';
import type { ShopEvents } from '../events/shop-events';
import type { Inventory } from '../inventory/inventory';
import { listStockMovements } from '../inventory/stock-movements';
import { AppError } from '../http/app-error';
import type { ApiRoutes } from '../http/api-routes';
import { slugify } from '../seed/seed';
import { applyBulkAction } from './admin-products-bulk.service';
import { categoryPathOf, createProduct, listAdminProducts, readAdminProduct, refreshCategoryDataIn, removeProduct, updateProduct } from './admin-products.service';
import type { CatalogSource } from './catalog-source';
import { listCategories } from './categories.service';
import { CategoryModel } from './category.model';
import { ProductModel } from './product.model';

/** A category moves under another only if that one exists and is not itself or below it. */
async function assertMayMoveUnder(categoryId: string, parentId: string): Promise<void> {
  const refuse = (message: string) => new AppError(400, 'validation_failed', message, [{ path: 'body.parentId', message }]);
  const ancestors = await categoryPathOf(parentId).catch(() => {
    throw refuse('is not a category');
  });
  if (ancestors.some((ancestor) => ancestor._id.toString() === categoryId)) throw refuse('cannot be the category itself or one of its sub-categories');
}

export function registerAdminCatalogRoutes(api: ApiRoutes, { catalog, events, inventory }: { catalog: CatalogSource; events: ShopEvents; inventory: Inventory }): void {
  const adminsOnly = { roles: ['admin'] } as const;
  const readProduct = (productId: string) => readAdminProduct(catalog, productId);
  const categoryBefore = ({ params }: { params: { categoryId: string } }) => CategoryModel.findById(params.categoryId, { _id: 0, name: 1, slug: 1, parentId: 1 }).lean();
  const categoryAfter = (category: { name: string; slug: string; parentId?: string | null } | undefined) => category && { name: category.name, slug: category.slug, parentId: category.parentId ?? null };
  // Only what each stock action changes, so the log shows no field as emptied.
  const stockBefore = ({ params }: { params: { productId: string } }) => ProductModel.findById(params.productId, { _id: 0, stock: 1, available: 1 }).lean();
  const thresholdBefore = ({ params }: { params: { productId: string } }) => ProductModel.findById(params.productId, { _id: 0, lowStockThreshold: 1 }).lean();


  api.add({
    method: 'get', path: '/admin/products', tag: 'Admin catalogue', summary: 'All products, any status', auth: adminsOnly,
    query: adminProductListQuerySchema,
    response: { status: 200, description: 'A page of products, most recently changed first', schema: adminProductListSchema },
    handler: ({ query }) => listAdminProducts(catalog, query),
  });

  api.add({
    method: 'post', path: '/admin/products', tag: 'Admin catalogue', summary: 'Create a product', auth: adminsOnly,
    body: adminProductInputSchema,
    response: { status: 201, description: 'The created product', schema: adminProductSchema },
    errors: [409],
    audit: { action: 'product.created', targetType: 'product', targetId: (_input, product) => product?.id ?? null },
    handler: ({ body }) => createProduct(events, body),
  });

  api.add({
    method: 'patch', path: '/admin/products/:productId', tag: 'Admin catalogue', auth: adminsOnly,
    summary: 'Edit a product: any subset of its fields; `images` sets the gallery and its order',
    params: productIdParamsSchema,
    body: adminProductUpdateSchema,
    response: { status: 200, description: 'The updated product', schema: adminProductSchema },
    errors: [404, 409],
    audit: { action: 'product.updated', targetType: 'product', before: ({ params }) => readProduct(params.productId) },
    handler: ({ params, body }) => updateProduct(events, params.productId, body),
  });

  api.add({
    method: 'delete', path: '/admin/products/:productId', tag: 'Admin catalogue', auth: adminsOnly,
    summary: 'Delete a product that was never sold; one that was is archived instead',
    params: productIdParamsSchema,
    response: { status: 200, description: 'What happened', schema: productRemovalSchema },
    errors: [404],
    audit: { action: 'product.removed', targetType: 'product', before: ({ params }) => readProduct(params.productId) },
    handler: async ({ params }) => ({ result: await removeProduct(events, params.productId) }),
  });

  api.add({
    method: 'post', path: '/admin/products/bulk', tag: 'Admin catalogue', auth: adminsOnly,
    summary: 'Archive, activate or move to a category up to 100 products at once, each changed as by its own edit',
    body: adminProductBulkSchema,
    response: { status: 200, description: 'How many products were changed, and the ids no product has', schema: adminProductBulkResultSchema },
    errors: [404],
    audit: { action: 'products.bulk_changed', targetType: 'product', targetId: () => null, after: (result, { body }) => ({ ...body, ...result }) },
    handler: ({ body }) => applyBulkAction(events, body),
  });

  api.add({
    method: 'get', path: '/admin/products/:productId', tag: 'Admin catalogue', auth: adminsOnly,
    summary: 'One product, any status, as the product editor shows it',
    params: productIdParamsSchema,
    response: { status: 200, description: 'The product', schema: adminProductSchema },
    errors: [404],
    handler: async ({ params }) => {
      const product = await readProduct(params.productId);
      if (!product) throw AppError.notFound('Product');
      return product;
    },
  });

  api.add({
    method: 'post', path: '/admin/products/:productId/stock', tag: 'Admin catalogue', auth: adminsOnly,
    summary: 'Set or add to the stock on hand, with a reason; watchers see the new availability at once',
    params: productIdParamsSchema,
    body: stockAdjustmentSchema,
    response: { status: 200, description: 'The new stock and availability', schema: stockLevelsSchema },
    errors: [404, 409],
    audit: { action: 'stock.adjusted', targetType: 'product', before: stockBefore, after: (levels, { body }) => ({ ...levels, reason: body.reason }) },
    handler: ({ params, body, user }) => inventory.adjust(params.productId, body, user._id),
  });

  api.add({
    method: 'get', path: '/admin/products/:productId/stock-movements', tag: 'Admin catalogue', auth: adminsOnly,
    summary: 'The stock adjustments of one product, newest first: who, when, the change, the stock after it and why',
    params: productIdParamsSchema,
    query: stockMovementListQuerySchema,
    response: { status: 200, description: 'A page of movements', schema: stockMovementListSchema },
    errors: [404],
    handler: ({ params, query }) => listStockMovements(params.productId, query.page, query.limit),
  });

  api.add({
    method: 'put', path: '/admin/products/:productId/low-stock-threshold', tag: 'Admin catalogue', auth: adminsOnly,
    summary: 'Set the availability at or below which admins are told that a product runs low',
    params: productIdParamsSchema,
    body: lowStockThresholdInputSchema,
    response: { status: 200, description: 'The product\'s stock numbers with the new threshold', schema: productStockSchema },
    errors: [404],
    audit: { action: 'stock.threshold_set', targetType: 'product', before: thresholdBefore, after: (stock) => stock && { lowStockThreshold: stock.lowStockThreshold } },
    handler: ({ params, body }) => inventory.setLowStockThreshold(params.productId, body.lowStockThreshold),
  });

  api.add({
    method: 'post', path: '/admin/categories', tag: 'Admin catalogue', summary: 'Create a category', auth: adminsOnly,
    body: categoryInputSchema,
    response: { status: 201, description: 'The created category', schema: categorySchema },
    errors: [409],
    audit: { action: 'category.created', targetType: 'category', targetId: (_input, category) => category?.id ?? null, after: categoryAfter },
    handler: async ({ body }) => {
      if (body.parentId && !(await CategoryModel.exists({ _id: body.parentId }))) {
        throw new AppError(400, 'validation_failed', 'The parent category does not exist', [{ path: 'body.parentId', message: 'is not a category' }]);
      }
      try {
        const slug = body.slug ?? slugify(body.name);
        // A name of no Latin letters or digits ("家具") makes no slug: one must be given.
        if (!slug) throw new AppError(400, 'validation_failed', 'This name makes no web address; give a slug', [{ path: 'body.slug', message: 'is required for this name' }]);
        const category = await CategoryModel.create({ name: body.name, slug, parentId: body.parentId, position: body.position });
        await events.publish('categories.changed', { productsChanged: false });
        return { id: category._id.toString(), slug: category.slug, name: category.name, parentId: body.parentId, productCount: 0 };
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new AppError(409, 'conflict', 'Another category already uses this slug', [{ path: 'body.slug', message: 'is taken' }]);
        throw error;
      }
    },
  });

  api.add({
    method: 'patch', path: '/admin/categories/:categoryId', tag: 'Admin catalogue', auth: adminsOnly,
    summary: 'Rename a category or change its slug or position; its products stay findable by the new name',
    params: categoryIdParamsSchema,
    body: categoryUpdateSchema,
    response: { status: 200, description: 'The updated category', schema: categorySchema },
    errors: [404, 409],
    audit: { action: 'category.updated', targetType: 'category', before: categoryBefore, after: categoryAfter },
    handler: async ({ params, body }) => {
      const category = await CategoryModel.findById(params.categoryId);
      if (!category) throw AppError.notFound('Category');
      const renamed = body.name !== undefined && body.name !== category.name;
      const moved = body.parentId !== undefined && String(body.parentId) !== String(category.parentId ?? null);
      if (moved && body.parentId) await assertMayMoveUnder(params.categoryId, body.parentId);
      category.set(body);
      try {
        await category.save();
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new AppError(409, 'conflict', 'Another category already uses this slug', [{ path: 'body.slug', message: 'is taken' }]);
        throw error;
      }
      await events.publish('categories.changed', { productsChanged: false });
      if (renamed || moved) await refreshCategoryDataIn(events, category._id);
      const listed = (await listCategories(catalog)).find((candidate) => candidate.id === params.categoryId)!;
      return listed;
    },
  });

  api.add({
    method: 'delete', path: '/admin/categories/:categoryId', tag: 'Admin catalogue', auth: adminsOnly,
    summary: 'Delete an empty category (no products, no sub-categories)',
    params: categoryIdParamsSchema,
    response: { status: 204, description: 'Deleted' },
    errors: [404, 409],
    audit: { action: 'category.removed', targetType: 'category', before: categoryBefore },
    handler: async ({ params }) => {
      if (!(await CategoryModel.exists({ _id: params.categoryId }))) throw AppError.notFound('Category');
      if (await CategoryModel.exists({ parentId: params.categoryId })) throw AppError.conflict('Move or delete its sub-categories first');
      if (await ProductModel.exists({ categoryPath: params.categoryId })) throw AppError.conflict('Move its products to another category first');
      await CategoryModel.deleteOne({ _id: params.categoryId });
      await events.publish('categories.changed', { productsChanged: false });
      return undefined;
    },
  });

  api.add({
    method: 'get', path: '/admin/categories', tag: 'Admin catalogue', summary: 'All categories with their active product counts', auth: adminsOnly,
    response: { status: 200, description: 'Categories', schema: z.array(categorySchema) },
    handler: () => listCategories(catalog),
  });
}
