import { VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** Window widths below which a control shows its icon only. */
export const PHONE_WIDTH = '48em';
export const SMALL_DESKTOP_WIDTH = '90em';

/** Whether the window is narrower than `width`, known at first render (no flash of the wrong layout). */
export function useNarrowerThan(width: string): boolean {
  return useMediaQuery(`(max-width: ${width})`, false, { getInitialValueInEffect: false });
}

/**
 * A control's name, shown when the window is at least `hideBelow` wide; below that only screen
 * readers (and tests) read it, and the control shows its icon.
 */
export function ResponsiveLabel({ hideBelow, children }: { hideBelow: string; children: ReactNode }) {
  const narrow = useNarrowerThan(hideBelow);
  return narrow ? <VisuallyHidden component="span">{children}</VisuallyHidden> : <>{children}</>;
}
