import { taxonomies, type Taxonomy } from '../lib/taxonomies';
import { browseUrl, type BrowseKind } from '../lib/urls';
import { getSite, getStories, type Story } from './library';

/** The browse sections over the published stories (drafts never reach the collections in production). */

export type StoryTaxonomies = Record<BrowseKind, Taxonomy<Story['data']>>;

const warned = new Set<string>();

/** Names spelt two ways get two pages (see slugsFor); say so, once, so the author can choose one spelling. */
function warnAboutClashes(all: StoryTaxonomies): void {
  for (const { kind, clashes } of Object.values(all)) {
    for (const clash of clashes) {
      const names = clash.map((term) => `"${term.value}" (${term.stories.map((story) => `stories/${story.slug}`).join(', ')})`);
      const message = `The ${kind} ${names.join(' and ')} are listed apart, at ${clash.map((term) => browseUrl(kind, term.slug)).join(' and ')}; spell them the same way to list them together.`;
      if (!warned.has(message)) console.warn(`[quire-browse] ${message}`);
      warned.add(message);
    }
  }
}

async function groupStories(): Promise<StoryTaxonomies> {
  const [site, stories] = await Promise.all([getSite(), getStories()]);
  const all = taxonomies(
    stories.map((story) => story.data),
    site.language,
  );
  warnAboutClashes(all);
  return all;
}

// Every page's metadata links need the sections; the content cannot change during a build, so it is
// grouped once. The development server groups it for each page, as the content may have changed.
let grouped: Promise<StoryTaxonomies> | undefined;

export function getTaxonomies(): Promise<StoryTaxonomies> {
  if (import.meta.env.DEV) return groupStories();
  return (grouped ??= groupStories());
}

/** The browse page of a value as a story gives it, for metadata links; undefined for a blank value. */
export type BrowseLinkFor = (kind: BrowseKind, value: string) => string | undefined;

export async function getBrowseLinks(): Promise<BrowseLinkFor> {
  const all = await getTaxonomies();
  return (kind, value) => {
    const slug = all[kind].slugOf(value);
    return slug === undefined ? undefined : browseUrl(kind, slug);
  };
}
