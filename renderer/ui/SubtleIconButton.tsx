import { ActionIcon, UnstyledButton } from '@mantine/core';
import type { ButtonHTMLAttributes, CSSProperties, ReactNode } from 'react';

/*
 * What Mantine's `<ActionIcon variant="subtle" color="gray" size="sm">` draws, without running the
 * component (its props, styles and theme lookups), for a button every list row has: Mantine's own
 * classes and variables. SubtleIconButton.test.ts holds the two side by side.
 */

const STYLE = {
  '--ai-size': 'var(--ai-size-sm)',
  '--ai-bg': 'transparent',
  '--ai-hover': 'var(--mantine-color-gray-light-hover)',
  '--ai-color': 'var(--mantine-color-gray-light-color)',
  '--ai-bd': 'calc(0.0625rem * var(--mantine-scale)) solid transparent',
} as CSSProperties;

const ROOT = `mantine-focus-auto mantine-active ${ActionIcon.classes.root} mantine-ActionIcon-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root`;
const ICON = `${ActionIcon.classes.icon} mantine-ActionIcon-icon`;

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'style' | 'type'> & { children: ReactNode };

export function SubtleIconButton({ children, ...others }: Props) {
  return (
    <button style={STYLE} className={ROOT} data-variant="subtle" data-size="sm" type="button" {...others}>
      <span className={ICON}>{children}</span>
    </button>
  );
}
