import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** Toonbank's calm teal, so the sandbox reads as part of the product, not as WhatsApp itself. */
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

export const phoneTheme = createTheme({
  primaryColor: 'lagoon',
  primaryShade: 8,
  colors: { lagoon },
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI Variable Text", "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"',
  cursorType: 'pointer',
});
