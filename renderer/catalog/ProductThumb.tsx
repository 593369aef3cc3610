import { IconShoppingBag } from '../ui/icons';
import classes from './Catalog.module.css';

/** A product's picture at a fixed size (no layout jump), or a placeholder when it has none. */
export function ProductThumb({ url, size = 48 }: { url: string | null; size?: number }) {
  return url ? (
    <img className={classes.thumb} src={url} alt="" width={size} height={size} loading="lazy" decoding="async" />
  ) : (
    <span className={classes.thumbEmpty} style={{ width: size, height: size }} aria-hidden>
      <IconShoppingBag size={Math.round(size / 2.4)} />
    </span>
  );
}
