#!/usr/bin/env node
/**
 * A minimal static file server for the built site, used by the browser tests (Astro's preview
 * server runs once per project, and the tests serve two builds side by side).
 * Usage: node scripts/serve.ts <folder> <port>
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const [folder = 'dist', port = '4321'] = process.argv.slice(2);
const root = path.resolve(folder);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.epub': 'application/epub+zip',
  '.woff2': 'font/woff2',
};

const isFile = async (file: string) => (await stat(file).catch(() => undefined))?.isFile() ?? false;

createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  let file = path.join(root, decodeURIComponent(pathname));
  if (!file.startsWith(root)) file = root;
  if (pathname.endsWith('/')) file = path.join(file, 'index.html');
  else if (!(await isFile(file)) && (await isFile(path.join(file, 'index.html')))) {
    response.writeHead(301, { location: `${pathname}/` }).end();
    return;
  }
  const found = await isFile(file);
  const served = found ? file : path.join(root, '404.html');
  response.writeHead(found ? 200 : 404, { 'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream' });
  createReadStream(served).pipe(response);
}).listen(Number(port), 'localhost', () => console.log(`Serving ${root} on http://localhost:${port}/`));
