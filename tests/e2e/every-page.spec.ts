import { readdirSync } from 'node:fs';
import { INLINE_SCRIPTS } from '../../src/build/inline-scripts';
import { expect, fixtureUrl, test } from './fixtures';

/** Every page of a build, as site paths; story downloads (stories/<s>/<s>.html, downloads.spec.ts) are files, not pages. */
const pagesOf = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !/^stories\/([^/]+)\/\1\.html$/.test(file))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1').replace(/\\/g, '/')}`);

test('the whole-work pages are among the pages checked', () => {
  expect(pagesOf('dist')).toEqual(expect.arrayContaining(['/stories/salt-and-ledger/all/', '/stories/small-hours/all/']));
  expect(pagesOf('dist-fixtures')).toEqual(expect.arrayContaining(['/stories/hostile/all/', '/stories/rtl-story/all/']));
});

// The auto fixture fails any of these on a script error, a CSP violation or a request to another origin.
for (const path of pagesOf('dist')) {
  test(`sample page ${path} loads cleanly under its Content Security Policy`, async ({ page }) => {
    await page.goto(path);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    // No page runs WebAssembly or evaluates strings as code.
    expect(policy).toMatch(/script-src 'self' 'sha256-/);
    expect(policy).not.toMatch(/unsafe|wasm/);
    expect(policy).not.toContain('unsafe-inline');
    // Only the inline scripts' hashes: 'self' allows the site's own script files.
    expect(policy!.match(/'sha256-/g)).toHaveLength(Object.keys(INLINE_SCRIPTS).length);
    await expect(page.locator('main')).toBeVisible();
  });
}

for (const path of pagesOf('dist-fixtures')) {
  test(`fixture page ${path} loads cleanly under its Content Security Policy`, async ({ page }) => {
    await page.goto(fixtureUrl(path));
    await expect(page.locator('main')).toBeVisible();
  });
}
