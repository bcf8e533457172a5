/** Chinese text: the Han test, quotation marks, full-width folding, pinyin tone marks, measure words. */
export * from './text';
export * from './measures';
