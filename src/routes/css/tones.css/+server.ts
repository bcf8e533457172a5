import { TONES_STYLE } from '$lib/server/reader-script';
import { hashedAsset } from '$lib/server/http/hashed-asset';

export const GET = ({ url }) => hashedAsset(TONES_STYLE, 'text/css', url);
