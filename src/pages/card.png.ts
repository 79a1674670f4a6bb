import type { APIRoute } from 'astro';
import { getSite } from '../data/library';
import { siteCard } from '../build/social-card';

/** The link-preview card of the home page and the pages that are not a story's. */
export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await siteCard(await getSite())), { headers: { 'Content-Type': 'image/png' } });
