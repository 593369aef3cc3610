import { Avatar, MantineProvider } from '@mantine/core';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { theme } from '../app/theme';
import { InitialsAvatar } from './InitialsAvatar';

/** The markup of the avatar alone (MantineProvider puts its style tags before it). */
function markup(element: ReactElement): string {
  const html = renderToStaticMarkup(<MantineProvider theme={theme}>{element}</MantineProvider>);
  return html.slice(html.indexOf('<div'));
}

describe('InitialsAvatar', () => {
  it("draws what Mantine's Avatar with color=initials draws", () => {
    for (const name of [
      'Daan Jansen',
      'Anke Peeters',
      'Sanne de Vries',
      'Noor',
      'jef  claes',
      '+32470111001',
      'Émile',
    ]) {
      expect(markup(<InitialsAvatar name={name} size={40} className="row" />)).toBe(
        markup(<Avatar name={name} color="initials" size={40} aria-hidden className="row" />),
      );
    }
  });
});
