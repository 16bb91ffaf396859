// TEST_GREP, as every stage's mocha reads it: a pattern matched against test titles in any case (`annotations`
// finds "Annotations view"), or a pattern written with its own flags (`/^Reader/`), taken as written.

/** TEST_GREP as mocha's `grep` string, or undefined when it is not set. */
export function testGrep(value: string | undefined = process.env.TEST_GREP): string | undefined {
  if (!value) return undefined;
  return /^\/.*\/[a-z]*$/u.test(value) ? value : `/${value}/i`;
}
