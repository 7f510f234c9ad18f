// Drives the sitrep dashboard in headless Chromium for browser_test.go:
// loads the dashboard, checks the timeline and map drew, applies a filter,
// clicks an event row, checks that the evidence is highlighted and in view,
// and saves screenshots. Every request that leaves the server is refused,
// so the dashboard is also shown to work offline.
//
// Environment: SITREP_URL (the server, required), SITREP_SCREENSHOT_DIR
// (where the PNGs go, required), CHROMIUM (default /usr/bin/chromium).
'use strict';

const path = require('path');
const { chromium } = require('playwright-core');

const base = process.env.SITREP_URL;
const outDir = process.env.SITREP_SCREENSHOT_DIR;
const step = { timeout: 15000 };

function check(ok, msg) {
  if (!ok) { throw new Error(msg); }
}

async function main() {
  check(base && outDir, 'SITREP_URL and SITREP_SCREENSHOT_DIR must be set');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    timeout: 30000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(step.timeout);
    const problems = [];
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error') { problems.push('console: ' + m.text()); } });
    const offsite = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base + '/')) { return route.continue(); }
      offsite.push(url);
      return route.abort();
    });

    // 1. The dashboard with every event: timeline, map and table.
    await page.goto(base + '/');
    await page.waitForSelector('#timeline[data-ready="true"]');
    await page.waitForSelector('#map[data-ready="true"]');
    check(await page.locator('#timeline canvas').count() > 0, 'the timeline has no uPlot canvas');
    const countries = await page.locator('#map path.country').count();
    check(countries > 150, `the map has ${countries} countries`);
    const shaded = await page.locator('#map path.country.has').count();
    check(shaded >= 2, `the map shades ${shaded} countries, want Iraq and Syria at least`);
    const all = await page.locator('tr.event').count();
    check(all === 7, `the table has ${all} events, want 7 (8 reports, two of one happening)`);
    await page.screenshot({ path: path.join(outDir, 'dashboard.png'), fullPage: true });

    // 2. A filter drives the table, the timeline and the map.
    await page.fill('input[name=country]', 'SYR');
    await page.selectOption('select[name=interval]', 'day');
    await Promise.all([page.waitForURL(/country=SYR/), page.click('button[type=submit]')]);
    await page.waitForSelector('#timeline[data-ready="true"]');
    await page.waitForSelector('#map[data-ready="true"]');
    const url = new URL(page.url());
    check(!url.searchParams.has('text'), 'empty fields were sent: ' + page.url());
    const rows = await page.locator('tr.event').count();
    check(rows === 2, `after country=SYR the table has ${rows} events, want 2`);
    check(await page.locator('#map path.country.current[data-country="SYR"]').count() === 1, 'Syria is not marked on the map');
    const legend = await page.locator('#timeline .u-legend').innerText();
    check(/Events \(2\)/.test(legend), 'the timeline legend does not count 2 events: ' + legend);
    await page.screenshot({ path: path.join(outDir, 'filtered.png'), fullPage: true });

    // 3. A click on a row (not on its link) opens the article with the
    // evidence highlighted.
    await Promise.all([page.waitForURL(/\/articles\/a3\?event=e5/), page.locator('tr.event[data-event="e5"] td.date').click()]);
    const trigger = page.locator('mark.trigger');
    await trigger.waitFor({ state: 'visible' });
    check(await trigger.innerText() === 'fought', 'trigger: ' + await trigger.innerText());
    check(await page.locator('mark.source').innerText() === 'US troops', 'source is not highlighted');
    check(await page.locator('mark.target').innerText() === 'Iran-backed militias', 'target is not highlighted');
    check(await page.locator('mark.place').innerText() === 'Deir ez-Zor', 'place is not highlighted');
    const look = await trigger.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { inView: r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight, bg: getComputedStyle(el).backgroundColor };
    });
    check(look.inView, 'the highlighted trigger is not in view');
    check(look.bg !== 'rgba(0, 0, 0, 0)' && look.bg !== 'transparent', 'the trigger has no highlight colour');
    await page.screenshot({ path: path.join(outDir, 'article.png'), fullPage: true });

    check(offsite.length === 0, 'requests left the server: ' + offsite.join(', '));
    check(problems.length === 0, problems.join('\n'));
    console.log(`ok: ${countries} map countries, ${shaded} shaded, ${all} events, ${rows} after the filter; screenshots in ${outDir}`);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : String(err));
  process.exit(1);
});
