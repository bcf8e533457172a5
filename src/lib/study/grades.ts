/** The four grades of a review, in key order (1–4): Again, Hard, Good, Easy. */
export const GRADES = ['again', 'hard', 'good', 'easy'] as const;
export type GradeName = (typeof GRADES)[number];
