/** The address of a module built as a file of its own, to import on first use (src/build/first-use-modules.ts). */
declare module 'first-use:*' {
  const url: string;
  export default url;
}
