import { remove as removeConfusables } from 'confusables';
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

/** The first character where two look-alike names differ, as code points: what the author must look for. */
function firstDifference(a: string, b: string): string {
  const [left, right] = [[...a], [...b]];
  const at = left.findIndex((character, i) => character !== right[i]);
  const codePoint = (character: string | undefined) => (character === undefined ? 'nothing' : `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return `${codePoint(left[at])} against ${codePoint(right[at])}`;
}

/**
 * Names that read the same but are spelt with other letters ("Alice" with a Cyrillic А): two
 * pages that look like one. Said once each, with where the letters differ (`confusables` maps
 * look-alike characters to the ones they imitate).
 */
function warnAboutLookAlikes(all: StoryTaxonomies): void {
  for (const { kind, terms } of Object.values(all)) {
    const bySkeleton = new Map<string, (typeof terms)[number][]>();
    for (const term of terms) {
      const skeleton = removeConfusables(term.value).toLowerCase();
      bySkeleton.set(skeleton, [...(bySkeleton.get(skeleton) ?? []), term]);
    }
    for (const group of bySkeleton.values()) {
      const values = [...new Set(group.map((term) => term.value))];
      if (values.length < 2) continue;
      const names = group.map((term) => `"${term.value}" (${term.stories.map((story) => `stories/${story.slug}`).join(', ')})`);
      const message = `The ${kind} ${names.join(' and ')} look alike but are spelt with different characters (${firstDifference(values[0]!, values[1]!)}); spell them the same way if they are one.`;
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
  warnAboutLookAlikes(all);
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
