/**
 * `npm run bench:pinyin`: the pinyin part of `npm run bench` alone (accuracy and time per sentence on the held-out
 * CPP sentences, the overrides, memory, segmentation), without building or starting the server. Figures only.
 */
import { benchPinyin } from './pinyin';
import { loadDictionary } from './dictionary';
import { SLUG } from './lib';

benchPinyin(loadDictionary(), SLUG);
