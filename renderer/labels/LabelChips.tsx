import type { CSSProperties } from 'react';
import type { Label } from '../../shared/domain/label.js';
import classes from './Labels.module.css';

/**
 * A conversation's labels as small coloured chips (the list row and the header). Plain elements:
 * rows draw them on every message. Ids of labels that no longer exist are skipped.
 */
export function LabelChips({ ids, byId }: { ids: readonly string[]; byId: ReadonlyMap<string, Label> }) {
  const labels = ids.flatMap((id) => byId.get(id) ?? []);
  if (labels.length === 0) return null;
  return (
    <span className={classes.chips}>
      {labels.map((label) => (
        <span key={label.id} className={classes.chip} style={{ '--chip-color': label.color } as CSSProperties}>
          <span className={classes.dot} aria-hidden />
          {label.name}
        </span>
      ))}
    </span>
  );
}
