/**
 * The bounds of what is read: one statement of each, used by the extension
 * host, the webview protocol, the CLI and the README. Files over a limit are
 * not read at all (a message names the file); entries over a limit are
 * skipped with a reason, and an annotations file keeps them as they were.
 */

const MIB = 1024 * 1024;

/**
 * An annotations file is read and parsed whole on every change. About 1.2 KB
 * an annotation, so 64 MB is some 50,000 annotations with notes (parsed in
 * about 0.3 s here); a bigger file is left untouched and annotations are
 * read-only.
 */
export const MAX_ANNOTATIONS_FILE_BYTES = 64 * MIB;
/** Annotations in one file (or one import). */
export const MAX_ANNOTATIONS = 100_000;

/** Annotation ids are `urn:uuid:…` here, but imported ones may be any IRI. */
export const MAX_ANNOTATION_ID_LENGTH = 300;
/** A note, and each reply to it (Markdown). */
export const MAX_NOTE_LENGTH = 20_000;
/** Replies to one note. */
export const MAX_REPLIES = 1_000;
/** An annotation has at most this many tags, each at most this long (the reader shows them as chips). */
export const MAX_TAGS = 30;
export const MAX_TAG_LENGTH = 80;
/** The name of an annotation's colour, as stored in it. */
export const MAX_COLOUR_NAME_LENGTH = 80;

/**
 * A knowledge base is read whole and compiled into the recogniser: a 36 MB
 * one took 6.7 s and 706 MB. 8 MB is some 40,000 entities with a few aliases
 * and a sentence each (measured here: parsed in 0.2 s, the recogniser built
 * in about 1.2 s).
 */
export const MAX_KNOWLEDGE_BASE_BYTES = 8 * MIB;
export const MAX_KNOWLEDGE_BASE_ENTITIES = 50_000;
/**
 * A saved index (`core/persist`) is read whole when a window opens. About 190 bytes an article of the
 * benchmark's realistic corpus for the search index alone; 1 GB leaves room for a few hundred thousand
 * articles with their entities. A larger one is neither read nor written (the log says so): the window
 * indexes the corpus itself.
 */
export const MAX_SAVED_INDEX_BYTES = 1024 * MIB;
/** Entity ids are short slugs. */
export const MAX_ENTITY_ID_LENGTH = 200;
/** An entity's name or alias, and a name to add to the knowledge base: a few words. */
export const MAX_ENTITY_NAME_LENGTH = 200;
export const MAX_ALIASES = 100;
export const MAX_DESCRIPTION_LENGTH = 2_000;
/** Surface forms a knowledge base marks as never a name (`notNames`), each at most MAX_ENTITY_NAME_LENGTH characters. */
export const MAX_NOT_NAMES = 50_000;

/** `a.json is 70.2 MB, more than the 64 MB an annotations file may be`: the message for a file over its limit (`what`: `an annotations file`). */
export function tooLargeMessage(file: string, bytes: number, limit: number, what: string, verb = 'is'): string {
  return `${file} ${verb} ${megabytes(bytes)}, more than the ${megabytes(limit)} ${what} may be`;
}

function megabytes(bytes: number): string {
  if (bytes < MIB) return `${Number.isInteger(bytes / 1024) ? bytes / 1024 : (bytes / 1024).toFixed(1)} KB`;
  const mb = bytes / MIB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
