import { minorUnitExponent } from '@shared/money';
import type { CatalogSource } from './catalog-source';

export interface ShareablePage {
  title: string;
  description: string;
  url: string;
  imageUrl?: string;
  price?: { amount: number; currency: string };
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Search engines and link previews cut long descriptions anyway; keep whole words. */
function summary(text: string, maxLength = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= maxLength ? clean : `${clean.slice(0, clean.lastIndexOf(' ', maxLength - 1))}…`;
}

/**
 * Puts the page's title, description, Open Graph and Twitter card tags into the Angular app's
 * index.html, so a shared link shows a preview: crawlers do not run the app's JavaScript.
 */
export function withShareTags(indexHtml: string, page: ShareablePage): string {
  const description = summary(page.description);
  const tags: Array<[attribute: 'name' | 'property', key: string, value: string]> = [
    ['name', 'description', description],
    ['property', 'og:type', page.price ? 'product' : 'website'],
    ['property', 'og:site_name', 'MEAN Shop'],
    ['property', 'og:title', page.title],
    ['property', 'og:description', description],
    ['property', 'og:url', page.url],
    ['name', 'twitter:card', page.imageUrl ? 'summary_large_image' : 'summary'],
    ['name', 'twitter:title', page.title],
    ['name', 'twitter:description', description],
  ];
  if (page.imageUrl) tags.push(['property', 'og:image', page.imageUrl], ['name', 'twitter:image', page.imageUrl]);
  if (page.price) {
    const exponent = minorUnitExponent(page.price.currency);
    tags.push(['property', 'product:price:amount', (page.price.amount / 10 ** exponent).toFixed(exponent)], ['property', 'product:price:currency', page.price.currency]);
  }
  const head = tags.map(([attribute, key, value]) => `<meta ${attribute}="${key}" content="${escapeAttribute(value)}">`).join('\n    ');
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeAttribute(page.title)} · MEAN Shop</title>`)
    .replace(/<meta name="description"[^>]*>\s*/, '')
    .replace('</head>', `    ${head}\n  </head>`);
}

/** The share tags of an active product's page, or undefined when there is no such product. */
export async function productSharePage(catalog: CatalogSource, slug: string, publicUrl: string): Promise<ShareablePage | undefined> {
  if (!/^[a-z0-9-]{1,220}$/.test(slug)) return undefined;
  const product = await catalog.activeProduct(slug);
  if (!product) return undefined;
  const [image] = product.images;
  return {
    title: product.title,
    description: product.description,
    url: `${publicUrl}/products/${slug}`,
    ...(image ? { imageUrl: `${publicUrl}/api/media/${image.toString()}?w=960` } : {}),
    price: { amount: product.price.amount, currency: product.price.currency },
  };
}
