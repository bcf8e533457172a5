import { STUDY_SCRIPT, STUDY_SCRIPT_URL } from '$lib/server/study/scripts';
import { hashedAsset } from '$lib/server/http/hashed-asset';

export const GET = ({ url }) => hashedAsset(STUDY_SCRIPT, 'text/javascript', url, STUDY_SCRIPT_URL);
