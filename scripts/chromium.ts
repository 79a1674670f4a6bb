#!/usr/bin/env node
/**
 * Finds a Chromium for the browser tests: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or
 * Playwright's own download. When none is found and this is root on Debian or Ubuntu, installs
 * Debian's `chromium` with apt (saying so); otherwise fails with the one command to run.
 * Run directly, it ensures Chromium is there and prints its path.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

export async function findChromium(): Promise<string | undefined> {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) return found;
  try {
    const { chromium } = await import('playwright-core');
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // No Playwright browser downloaded: fall through.
  }
  return undefined;
}

export async function ensureChromium(): Promise<string> {
  const found = await findChromium();
  if (found) return found;
  const isDebian = existsSync('/etc/debian_version');
  if (isDebian && process.getuid?.() === 0) {
    console.log("Chromium not found: installing Debian's chromium package with apt-get (this takes a minute)...");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = await findChromium();
    if (installed) return installed;
  }
  throw new Error(`Chromium is needed for the browser tests and was not found. Install it with:\n  ${INSTALL_COMMAND}\nor set CHROMIUM_PATH to a Chromium or Chrome binary.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(`Using Chromium at ${await ensureChromium()}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
