import { existsSync } from 'node:fs';

/** The Debian Chromium that browser tests and benchmarks drive; Playwright cannot download its own here. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Browser tests need it: run "apt-get install -y chromium" ` +
        '(or set CHROMIUM_PATH). .ci/run installs it when missing.',
    );
  }
  return path;
}
