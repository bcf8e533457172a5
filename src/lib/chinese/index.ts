/**
 * Chinese text: the Han test, quotation marks, full-width folding, pinyin tone marks, measure words, and the
 * scripts a reader can choose (the Traditional converter itself is server-only: $lib/server/chinese-script).
 */
export * from './text';
export * from './measures';
export * from './scripts';
