import { BOOT_SCRIPT } from '$lib/server/boot-script';
import { hashedAsset } from '$lib/server/http/hashed-asset';

export const GET = ({ url }) => hashedAsset(BOOT_SCRIPT, 'text/javascript', url);
