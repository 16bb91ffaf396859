declare const __INDEX_BUILD__: string | undefined;

/**
 * The build saved indexes belong to (the version and a hash of `src/core`, put in by the build script):
 * a window of another build discards them, since its parser, rules or index may differ.
 */
export const INDEX_BUILD_ID: string = typeof __INDEX_BUILD__ === 'string' ? __INDEX_BUILD__ : 'unbundled';
