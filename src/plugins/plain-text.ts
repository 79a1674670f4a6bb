import type { HastPluginDefinition } from 'satteri';

declare module 'satteri' {
  interface DataMap {
    /** The document's visible text, for word counts and plain-text titles. */
    plainText: string;
  }
}

/** Records the rendered document's visible text in `data.plainText`. */
export const plainText: HastPluginDefinition = {
  name: 'quire-plain-text',
  after(root, ctx) {
    ctx.data.plainText = ctx.textContent(root);
  },
};
