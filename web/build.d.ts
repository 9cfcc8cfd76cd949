// Types only (for tsc; the site build copies no .d.ts): what the site and
// package builds (scripts/build-site.mjs, build-package.mjs) provide.

// Text esbuild's `define` puts in place of these names; unbuilt, undefined.
declare const __LABELCOST_CSS__: string | undefined;
declare const __LABELCOST_SITE__: string | undefined;

// The single file's module bytes, base64, from build-site's esbuild plugin.
declare module 'labelcost:wasm' {
  const base64: string;
  export default base64;
}
