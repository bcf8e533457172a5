import { READER_STYLE, READER_STYLE_URL } from '$lib/server/reader-script';
import { hashedAsset } from '$lib/server/http/hashed-asset';

export const GET = ({ url }) => hashedAsset(READER_STYLE, 'text/css', url, READER_STYLE_URL);
