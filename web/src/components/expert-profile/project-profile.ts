import { projectSections, type ExpertView, type OwnProfile } from '@hpen/server/contracts';

export type PreviewAudience = 'public' | 'agencies';

/**
 * The owner's profile as `audience` would receive it from GET /api/experts/:id, through the
 * server's own section projection. Only for the preview — the server decides what really leaves it.
 */
export const projectForAudience = (profile: OwnProfile, audience: PreviewAudience): ExpertView | null => projectSections(profile, audience);
