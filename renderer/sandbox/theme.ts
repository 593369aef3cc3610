import { createTheme, mergeThemeOverrides } from '@mantine/core';
import { theme } from '../app/theme';

/** The inbox's own palette and type, a shade darker: the sandbox reads as part of Toonbank, not as WhatsApp. */
export const phoneTheme = mergeThemeOverrides(theme, createTheme({ primaryShade: 8 }));
