// The page's PNG icons (www/icon-192.png, www/icon-512.png), drawn from
// www/icon.svg by Debian's Chromium: the web app manifest lists both sizes
// beside the SVG, for systems that install a web app only from PNG icons.
// Run after changing icon.svg: `node scripts/icons.mjs` (the PNGs are kept
// in the repository, so a build needs no browser).
import { readFileSync } from 'node:fs';
import { launchBrowser, WWW } from '../tests/e2e/helpers.mjs';

const svg = readFileSync(`${WWW}/icon.svg`, 'utf8');
const browser = await launchBrowser();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: `${WWW}/icon-${size}.png`, omitBackground: true });
    await page.close();
    console.log(`www/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
