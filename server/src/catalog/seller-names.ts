import { UserModel } from '../accounts/user.model';
import { SellerModel } from '../sellers/seller.model';

/**
 * How a marketplace seller is named in the storefront ("Sold by", the seller facet): their shop's
 * name, or, for a seller without a seller record (made a seller by hand), their account's name.
 * Both are read by `_id`, an equality FerretDB hands to PostgreSQL.
 */
export async function readSellerName(sellerId: string): Promise<string | undefined> {
  return sellerNameFrom(sellerId, await SellerModel.findById(sellerId, { shopName: 1 }).lean());
}

/** The same name for a seller whose record was just read (null when there is none): the account is read only without a shop name. */
export async function sellerNameFrom(sellerId: string, seller: { shopName?: string | null } | null): Promise<string | undefined> {
  if (seller?.shopName) return seller.shopName;
  return (await UserModel.findById(sellerId, { name: 1 }).lean())?.name;
}
