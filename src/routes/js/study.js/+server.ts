import { STUDY_SCRIPT, scriptResponse } from '$lib/server/study/scripts';

export const GET = ({ url }) => scriptResponse(STUDY_SCRIPT, url);
