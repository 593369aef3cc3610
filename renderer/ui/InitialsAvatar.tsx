import { Avatar } from '@mantine/core';
import type { CSSProperties } from 'react';

/*
 * What Mantine's `<Avatar name={name} color="initials" />` draws, without running the component:
 * the list mounts a row on every message, and Avatar's props, styles and theme lookups were a fifth
 * of that. Mantine's own classes and variables, and its rule for the colour (a hash of the name over
 * its default colours), so a customer looks the same here as in the header's Mantine Avatar;
 * InitialsAvatar.test.ts holds the two side by side.
 */

const COLORS = ['blue', 'cyan', 'grape', 'green', 'indigo', 'lime', 'orange', 'pink', 'red', 'teal', 'violet'];

function colorOf(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i += 1) hash = ((hash << 5) - hash + name.charCodeAt(i)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length] ?? 'gray';
}

function initialsOf(name: string): string {
  const words = name.split(' ');
  if (words.length === 1) return name.slice(0, 2).toUpperCase();
  return words
    .map((word) => word[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();
}

export function InitialsAvatar({ name, size, className }: { name: string; size: number; className?: string }) {
  const color = colorOf(name);
  const style = {
    '--avatar-size': `calc(${size / 16}rem * var(--mantine-scale))`,
    '--avatar-bg': `var(--mantine-color-${color}-light)`,
    '--avatar-color': `var(--mantine-color-${color}-light-color)`,
    '--avatar-bd': 'calc(0.0625rem * var(--mantine-scale)) solid transparent',
  } as CSSProperties;
  return (
    <div
      style={style}
      className={[className, Avatar.classes.root, 'mantine-Avatar-root'].filter(Boolean).join(' ')}
      aria-hidden
    >
      <span className={`${Avatar.classes.placeholder} mantine-Avatar-placeholder`}>{initialsOf(name) || null}</span>
    </div>
  );
}
