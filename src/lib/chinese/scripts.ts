/** The scripts a reader can choose for Chinese text (browser-safe: no conversion tables here). */
export const CHINESE_SCRIPTS = ['simplified', 'traditional-tw', 'traditional-hk'] as const;
export type ChineseScript = (typeof CHINESE_SCRIPTS)[number];

/** The BCP 47 language tag for Chinese text in a script. */
export function scriptLang(script: ChineseScript): string {
	return script === 'traditional-tw' ? 'zh-Hant-TW' : script === 'traditional-hk' ? 'zh-Hant-HK' : 'zh-Hans';
}
