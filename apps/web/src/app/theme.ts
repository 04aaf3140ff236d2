import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  cursorType: 'pointer',
  // Filled components pick black or white text by their background (yellow note badges need
  // black), and the primary shade is dark enough for white text: 4.5:1 contrast (WCAG AA).
  autoContrast: true,
  primaryShade: { light: 8, dark: 8 },
});
