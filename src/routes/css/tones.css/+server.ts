import { TONES_STYLE, TONES_STYLE_URL } from '$lib/server/reader-script';
import { hashedAsset } from '$lib/server/http/hashed-asset';

export const GET = ({ url }) => hashedAsset(TONES_STYLE, 'text/css', url, TONES_STYLE_URL);
