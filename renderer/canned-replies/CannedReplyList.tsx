import { useT } from '../i18n/use-t';
import classes from './CannedReplies.module.css';
import type { CannedReplyPicker } from './use-canned-reply-picker';

export const CANNED_LIST_ID = 'canned-replies-listbox';
export const cannedOptionId = (index: number): string => `canned-reply-option-${index}`;

/** The listbox above the composer; the textbox keeps the focus (aria-activedescendant). */
export function CannedReplyList({ picker }: { picker: CannedReplyPicker }) {
  const t = useT();
  if (picker.options.length === 0) return null;
  return (
    <div className={classes.popover}>
      <div className={classes.title} aria-hidden>
        {t('canned.title')}
      </div>
      <ul id={CANNED_LIST_ID} role="listbox" aria-label={t('canned.list')} className={classes.list}>
        {picker.options.map((reply, index) => (
          <li
            key={reply.id}
            id={cannedOptionId(index)}
            role="option"
            aria-selected={index === picker.active}
            className={classes.option}
            onMouseEnter={() => {
              picker.setActive(index);
            }}
            // mousedown, not click: the textbox must not lose its caret first.
            onMouseDown={(event) => {
              event.preventDefault();
              picker.choose(reply);
            }}
          >
            <span className={classes.shortcut}>/{reply.shortcut}</span>
            <span className={classes.preview}>{reply.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
