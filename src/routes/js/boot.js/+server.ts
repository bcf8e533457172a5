import { BOOT_SCRIPT, BOOT_SCRIPT_URL } from '$lib/server/boot-script';
import { hashedAsset } from '$lib/server/http/hashed-asset';

export const GET = ({ url }) => hashedAsset(BOOT_SCRIPT, 'text/javascript', url, BOOT_SCRIPT_URL);
