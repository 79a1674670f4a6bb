import type { APIRoute } from 'astro';
import { getSite } from '../data/library';
import { absoluteUrl, sitemapUrl } from '../lib/urls';

/** Crawlers may read everything; the sitemap needs an absolute URL, so this is built. */
export const GET: APIRoute = async () => {
  const site = await getSite();
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site.url, sitemapUrl())}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
