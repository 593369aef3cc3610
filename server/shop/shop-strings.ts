/*
 * The words of the public shop pages and of the prefilled WhatsApp text, in the shop's language
 * (English, Dutch, French, as the app). The product-order text always names the SKU after a marker
 * that product-mention.ts recognises in any of the three languages.
 */

export interface ShopStrings {
  allProducts: string;
  orderOnWhatsApp: string;
  /** The prefilled text of the wa.me link; the SKU follows `skuMarker` inside parentheses. */
  orderText: (name: string, sku: string) => string;
  skuMarker: string;
  availability: { out_of_stock: string; preorder: string; available_for_order: string };
  noProducts: string;
  previous: string;
  next: string;
  page: (page: number, pages: number) => string;
  pages: string;
  back: string;
  notFound: string;
  orderLabel: (name: string) => string;
}

const en: ShopStrings = {
  allProducts: 'All products',
  orderOnWhatsApp: 'Order on WhatsApp',
  orderText: (name, sku) => `Hi! I'd like to order: ${name} (SKU: ${sku})`,
  skuMarker: 'SKU:',
  availability: { out_of_stock: 'Out of stock', preorder: 'Preorder', available_for_order: 'Made to order' },
  noProducts: 'No products yet.',
  previous: 'Previous',
  next: 'Next',
  page: (page, pages) => `Page ${page} of ${pages}`,
  pages: 'Pages',
  back: 'All products',
  notFound: 'This product is not in the shop (any more).',
  orderLabel: (name) => `Order ${name} on WhatsApp`,
};

const nl: ShopStrings = {
  allProducts: 'Alle producten',
  orderOnWhatsApp: 'Bestel via WhatsApp',
  orderText: (name, sku) => `Hallo! Ik wil graag bestellen: ${name} (SKU: ${sku})`,
  skuMarker: 'SKU:',
  availability: { out_of_stock: 'Uitverkocht', preorder: 'Voorbestelling', available_for_order: 'Op bestelling' },
  noProducts: 'Nog geen producten.',
  previous: 'Vorige',
  next: 'Volgende',
  page: (page, pages) => `Pagina ${page} van ${pages}`,
  pages: "Pagina's",
  back: 'Alle producten',
  notFound: 'Dit product is niet (meer) in de winkel.',
  orderLabel: (name) => `Bestel ${name} via WhatsApp`,
};

const fr: ShopStrings = {
  allProducts: 'Tous les produits',
  orderOnWhatsApp: 'Commander sur WhatsApp',
  orderText: (name, sku) => `Bonjour ! Je voudrais commander : ${name} (réf. ${sku})`,
  skuMarker: 'réf.',
  availability: { out_of_stock: 'Épuisé', preorder: 'En précommande', available_for_order: 'Sur commande' },
  noProducts: 'Pas encore de produits.',
  previous: 'Précédente',
  next: 'Suivante',
  page: (page, pages) => `Page ${page} sur ${pages}`,
  pages: 'Pages',
  back: 'Tous les produits',
  notFound: "Ce produit n'est pas (ou plus) dans la boutique.",
  orderLabel: (name) => `Commander ${name} sur WhatsApp`,
};

const BY_LANGUAGE: Record<string, ShopStrings> = { en, nl, fr };

/** "nl-BE" → Dutch; a language the shop pages do not have → English. */
export function shopStrings(locale: string): ShopStrings {
  return BY_LANGUAGE[locale.split('-')[0]?.toLowerCase() ?? ''] ?? en;
}

/** Every marker a prefilled text may carry, whatever language the page was in. */
export const SKU_MARKERS = [...new Set(Object.values(BY_LANGUAGE).map((strings) => strings.skuMarker))];
