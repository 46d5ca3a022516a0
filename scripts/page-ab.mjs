// Two builds of the page side by side: the time from navigation to the first
// answers on screen (the page's mark mentorsim:first-result) and to every
// chart drawn (mentorsim:first-charts), in Debian's Chromium, each build served
// from its own port and fresh loads alternating between them (A B, B A, ...),
// so that a shared machine's load falls on both alike. Prints the medians and
// every load's figures. Nothing is kept: for a change's note, not the README.
//
//   node scripts/page-ab.mjs DIR_A DIR_B [--loads 11] [--latency MS --mbps N]
//
// DIR_A and DIR_B are built www/ folders, for instance one copied aside before
// a change (`cp -r www /tmp/www-before`) and www/ after it. --latency and
// --mbps emulate a network (Chromium's own throttling, both ways).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startServer, launchBrowser, newPage } from '../tests/e2e/helpers.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { loads: { type: 'string', default: '11' }, latency: { type: 'string', default: '0' }, mbps: { type: 'string', default: '0' } },
});
if (positionals.length !== 2) {
  console.error('usage: node scripts/page-ab.mjs DIR_A DIR_B [--loads 11] [--latency MS --mbps N]');
  process.exit(2);
}
const loads = Number(values.loads);
const latency = Number(values.latency);
const mbps = Number(values.mbps);
for (const [name, x] of [['--loads', loads], ['--latency', latency], ['--mbps', mbps]]) {
  if (!Number.isFinite(x) || x < 0 || (name === '--loads' && (x < 1 || !Number.isInteger(x)))) {
    console.error(`${name}: not a usable number (${x})`);
    process.exit(2);
  }
}

const builds = positionals.map((dir) => ({ dir: resolve(dir) + '/', times: [] }));
const servers = await Promise.all(builds.map((b) => startServer({ root: b.dir })));
const browser = await launchBrowser();
try {
  for (let i = 0; i < loads; i++) {
    for (const k of i % 2 ? [1, 0] : [0, 1]) {
      const { page, context } = await newPage(browser);
      if (latency || mbps) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        const bytes = mbps ? (mbps * 1e6) / 8 : -1;
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: bytes, uploadThroughput: bytes });
      }
      await page.goto(servers[k].base + 'index.html');
      await page.waitForFunction(() => performance.getEntriesByName('mentorsim:first-charts').length > 0, null, { timeout: 120_000 });
      builds[k].times.push(await page.evaluate(() => ['first-result', 'first-charts'].map((n) => Math.round(performance.getEntriesByName(`mentorsim:${n}`)[0].startTime))));
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.close();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const network = latency || mbps ? `${latency} ms latency, ${mbps || 'unlimited'} Mbit/s emulated` : 'no network emulated';
console.log(`${loads} fresh loads of each, alternating; ${network}; medians in ms`);
for (const [k, b] of builds.entries()) {
  const first = b.times.map((t) => t[0]);
  const charts = b.times.map((t) => t[1]);
  console.log(`${'AB'[k]} ${b.dir}: first answer ${median(first)}, every chart ${median(charts)}  (first answers: ${first.join(' ')}; charts: ${charts.join(' ')})`);
}
