import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A calm, slightly blue teal: ours, not WhatsApp's green. */
const lagoon: MantineColorsTuple = [
  '#e9f7f5',
  '#d5ece8',
  '#a8d8cf',
  '#78c3b5',
  '#51b19f',
  '#39a692',
  '#2a9f8b',
  '#1a8a78',
  '#0b7b6a',
  '#006a5b',
];

export const theme = createTheme({
  primaryColor: 'lagoon',
  primaryShade: { light: 7, dark: 5 },
  colors: { lagoon },
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI Variable Text", "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
});
