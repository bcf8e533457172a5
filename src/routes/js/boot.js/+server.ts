import { BOOT_SCRIPT } from '$lib/server/boot-script';
import { scriptResponse } from '$lib/server/study/scripts';

export const GET = ({ url }) => scriptResponse(BOOT_SCRIPT, url);
