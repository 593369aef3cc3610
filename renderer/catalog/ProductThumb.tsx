import { useState } from 'react';
import { IconShoppingBag } from '../ui/icons';
import classes from './Catalog.module.css';

/** A product's picture at a fixed size (no layout jump), or a placeholder when it has none or it fails to load. */
export function ProductThumb({ url, size = 48 }: { url: string | null; size?: number }) {
  const [failed, setFailed] = useState<string | null>(null);
  return url && failed !== url ? (
    <img
      className={classes.thumb}
      src={url}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      onError={() => {
        setFailed(url);
      }}
    />
  ) : (
    <span className={classes.thumbEmpty} style={{ width: size, height: size }} aria-hidden>
      <IconShoppingBag size={Math.round(size / 2.4)} />
    </span>
  );
}
