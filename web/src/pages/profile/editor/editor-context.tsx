import type { OwnProfile, ProfileSection } from '@hpen/server/contracts';
import { createContext, useContext } from 'react';
import type { ProfilePatch } from '../../../api/profiles.api';

export interface ProfileEditorContext {
  /** The last saved profile (the server's answer), shared by every section. */
  profile: OwnProfile;
  /** PATCHes with the latest known version; saves run one after another. */
  save(body: Omit<ProfilePatch, 'version'>): Promise<OwnProfile>;
  /** Replaces the saved profile after another write (e.g. a publications import). */
  replace(profile: OwnProfile): void;
  /** Loads the newest version after a conflict; every section's unsaved edits are dropped. */
  reload(): Promise<void>;
  reportDirty(section: ProfileSection, dirty: boolean): void;
}

export const EditorContext = createContext<ProfileEditorContext | null>(null);

export function useProfileEditor(): ProfileEditorContext {
  const context = useContext(EditorContext);
  if (!context) throw new Error('useProfileEditor outside <EditorContext>');
  return context;
}
