import { readdirSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, fixtureUrl, test } from './fixtures';

/** The single-file downloads of a build: stories/<story>/<story>.html. */
const htmlDownloadsOf = (folder: string): string[] =>
  readdirSync(`${folder}/stories`).map((story) => `/stories/${story}/${story}.html`);

const size = (bytes: number): string =>
  bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

for (const path of ['/stories/salt-and-ledger/', '/stories/salt-and-ledger/the-lighthouse/', '/stories/small-hours/small-hours/']) {
  test(`${path} links to the story's EPUB and HTML downloads with their real sizes`, async ({ page, request }) => {
    await page.goto(path);
    const story = path.split('/')[2]!;
    const downloads = page.locator('.downloads');
    await expect(downloads.getByRole('heading', { level: 2 })).toHaveText('Download');
    for (const [label, extension, type] of [
      ['EPUB', 'epub', 'application/epub+zip'],
      ['HTML', 'html', 'text/html'],
    ] as const) {
      const link = downloads.getByRole('link', { name: new RegExp(`^${label}, `) });
      await expect(link).toHaveAttribute('href', `/stories/${story}/${story}.${extension}`);
      await expect(link).toHaveAttribute('download', '');
      await expect(link).toHaveAttribute('type', type);
      const response = await request.get(`/stories/${story}/${story}.${extension}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
      await expect(link).toHaveText(`${label}, ${size((await response.body()).length)}`);
    }
  });
}

test('the EPUB download is a valid EPUB zip with every chapter', async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^EPUB, / }).click()]);
  expect(download.suggestedFilename()).toBe('salt-and-ledger.epub');
  const bytes = new Uint8Array(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks)));
  expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype');
  const files = unzipSync(bytes);
  expect(Object.keys(files)[0]).toBe('mimetype');
  expect(strFromU8(files.mimetype!)).toBe('application/epub+zip');
  expect(strFromU8(files['META-INF/container.xml']!)).toContain('full-path="EPUB/package.opf"');
  expect(Object.keys(files).filter((name) => /^EPUB\/chapter-\d+\.xhtml$/.test(name))).toHaveLength(5);
  const lighthouse = strFromU8(files['EPUB/chapter-2.xhtml']!);
  expect(lighthouse).toContain('<h1>The Lighthouse</h1>');
  expect(lighthouse).toContain('Edited on the 20th to fix the tide times.');
  expect(lighthouse).toContain('<hr/>');
  expect(Object.keys(files)).toContain('EPUB/images/cover.jpg');
});

test('the HTML download opens on its own: the whole work, no scripts, nothing from elsewhere', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/stories/salt-and-ledger/salt-and-ledger.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Salt and Ledger');
  await expect(page.locator('section.chapter > h2')).toHaveText(['The Missing Salt', 'The Lighthouse', 'A List of Reasons', 'Storm Warning', 'Balanced']);
  await expect(page.getByText('That’s the end!')).toBeVisible();
  await expect(page.locator('script')).toHaveCount(0);
  await expect(page.locator('.cover img')).toHaveJSProperty('naturalWidth', 600);
  for (const url of requests) expect(url).toMatch(/\/salt-and-ledger\.html$|^data:/);
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'The Lighthouse' }).click();
  await expect(page).toHaveURL(/salt-and-ledger\.html#chapter-2$/);
});

// The hostile story's download has its own test below.
for (const [folder, url] of [['dist', (path: string) => path], ['dist-fixtures', fixtureUrl]] as const) {
  for (const path of htmlDownloadsOf(folder).filter((p) => !p.includes('/hostile/'))) {
    test(`${folder} download ${path} loads cleanly under its own Content Security Policy`, async ({ page }) => {
      await page.goto(url(path));
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; img-src data:;/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('section.chapter').first()).toBeVisible();
      await expect(page.locator('script')).toHaveCount(0);
    });
  }
}

test('hostile content in the HTML download stays text and runs nothing', async ({ page }) => {
  await page.goto(fixtureUrl('/stories/hostile/hostile.html'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('</title><script>');
  await expect(page.locator('script, iframe, object, svg, form')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});
