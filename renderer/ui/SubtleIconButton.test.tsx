import { ActionIcon, MantineProvider } from '@mantine/core';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { theme } from '../app/theme';
import { IconDots } from './icons';
import { SubtleIconButton } from './SubtleIconButton';

/** The markup of the button alone (MantineProvider puts its style tags before it). */
function markup(element: ReactElement): string {
  const html = renderToStaticMarkup(<MantineProvider theme={theme}>{element}</MantineProvider>);
  return html.slice(html.indexOf('<button'));
}

describe('SubtleIconButton', () => {
  it('draws what Mantine\'s ActionIcon variant="subtle" color="gray" size="sm" draws', () => {
    expect(
      markup(
        <SubtleIconButton aria-label="Change assignee" aria-haspopup="menu" aria-expanded={false}>
          <IconDots size={16} />
        </SubtleIconButton>,
      ),
    ).toBe(
      markup(
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label="Change assignee"
          aria-haspopup="menu"
          aria-expanded={false}
        >
          <IconDots size={16} />
        </ActionIcon>,
      ),
    );
  });
});
