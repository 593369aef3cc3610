/**
 * How every test and the benchmark start Chromium: Debian's build (no browser download), and the
 * flags this sandboxed, offline machine needs. CHROMIUM_PATH points elsewhere.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
