#!/usr/bin/env node
/**
 * Checks the story downloads of built sites: every story has an EPUB and an HTML file; every EPUB
 * passes epubcheck with no errors and no warnings; every HTML file passes html-validate and is
 * self-contained (no scripts, nothing loaded from elsewhere).
 *
 * epubcheck is Debian's `epubcheck` package (a Java program). When it is missing and this is root
 * on Debian or Ubuntu, it is installed with apt-get; when it still cannot be found, the EPUB check
 * alone is skipped with a loud message, except in CI (CI set), where that is a failure.
 * Usage: node scripts/check-downloads.ts <folder>...
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, formatterFactory } from 'html-validate';
import { Parser } from 'htmlparser2';

/** EPUBCHECK_JAR, when set, is the only place looked at. */
const JAR_CANDIDATES = process.env.EPUBCHECK_JAR ? [process.env.EPUBCHECK_JAR] : ['/usr/share/java/epubcheck.jar'];
const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y epubcheck';

const hasJava = () => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const findEpubcheck = (): string | undefined => {
  const jar = JAR_CANDIDATES.find((candidate) => existsSync(candidate));
  return jar && hasJava() ? jar : undefined;
};

function ensureEpubcheck(): string | undefined {
  const found = findEpubcheck();
  if (found) return found;
  if (existsSync('/etc/debian_version') && process.getuid?.() === 0) {
    console.log("epubcheck not found: installing Debian's epubcheck package with apt-get...");
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'epubcheck'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch (error) {
      console.error(`apt-get could not install epubcheck: ${(error as Error).message}`);
    }
    return findEpubcheck();
  }
  return undefined;
}

/** Runs epubcheck on one file; resolves with its output when it found any error or warning. */
const epubcheck = (jar: string, file: string) =>
  new Promise<string | undefined>((resolve) => {
    const child = spawn('java', ['-jar', jar, file, '--failonwarnings'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve(code === 0 ? undefined : output));
  });

/** What makes an HTML download depend on something outside it. */
function externalReferences(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'script') found.push('a <script> element');
      if (['iframe', 'object', 'embed', 'link', 'base'].includes(name)) found.push(`a <${name}> element`);
      for (const attribute of ['src', 'srcset', 'poster', 'data']) {
        const value = attributes[attribute];
        if (value !== undefined && !value.startsWith('data:')) found.push(`${name} ${attribute}="${value.slice(0, 80)}"`);
      }
      if (Object.keys(attributes).some((a) => a.startsWith('on'))) found.push(`an event handler on <${name}>`);
      if (attributes.style !== undefined) found.push(`a style attribute on <${name}>`);
    },
  });
  parser.end(html);
  return found;
}

const folders = process.argv.slice(2);
const epubs: string[] = [];
const htmlFiles: string[] = [];
let failures = 0;
const fail = (message: string) => {
  failures++;
  console.error(message);
};

for (const folder of folders) {
  const stories = path.join(folder, 'stories');
  for (const story of (await readdir(stories, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name)) {
    for (const [extension, list] of [['epub', epubs], ['html', htmlFiles]] as const) {
      const file = path.join(stories, story, `${story}.${extension}`);
      if (existsSync(file)) list.push(file);
      else fail(`${file}: missing (every story has an ${extension.toUpperCase()} download)`);
    }
  }
}

/** Runs epubcheck on every EPUB, one Java process at a time (this process validates HTML meanwhile). */
async function checkEpubs() {
  const jar = ensureEpubcheck();
  if (!jar) {
    const banner = '!'.repeat(78);
    const message = `epubcheck is not installed, so the ${epubs.length} EPUBs were NOT validated.\nInstall it with:\n  ${INSTALL_COMMAND}\nor set EPUBCHECK_JAR to an epubcheck.jar (Java is needed too).`;
    console.error(`\n${banner}\nSKIPPED: ${message}\n${banner}\n`);
    if (process.env.CI) fail('epubcheck is required in CI.');
    return;
  }
  let failed = 0;
  for (const file of epubs) {
    const problems = await epubcheck(jar, file);
    if (problems) {
      failed++;
      fail(`${file}: epubcheck found errors or warnings:\n${problems}`);
    }
  }
  console.log(`EPUB downloads: epubcheck ${failed === 0 ? 'passed' : `failed on ${failed} of`} ${epubs.length} files`);
}

const epubChecks = checkEpubs();

// HTML: valid, and standing on its own. Long titles are an author's choice, not an error here.
const config = JSON.parse(await readFile('.htmlvalidate.json', 'utf8'));
const validator = new HtmlValidate(new StaticConfigLoader({ ...config, rules: { ...config.rules, 'long-title': 'off' } }));
const report = await validator.validateMultipleFiles(htmlFiles);
if (!report.valid) fail(formatterFactory('stylish')(report.results));
for (const file of htmlFiles) {
  for (const reference of externalReferences(await readFile(file, 'utf8'))) fail(`${file}: not self-contained: ${reference}`);
}
console.log(`HTML downloads: html-validate ${report.valid ? 'passed' : `found ${report.errorCount} errors`} on ${htmlFiles.length} files`);

await epubChecks;
process.exit(failures > 0 ? 1 : 0);
