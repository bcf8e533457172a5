import { STUDY_SCRIPT_URL } from '$lib/server/study/scripts';

export const load = () => ({ scriptUrl: STUDY_SCRIPT_URL });
