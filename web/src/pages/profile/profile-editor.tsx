import type { OwnProfile, ProfileSection } from '@hpen/server/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { getOwnProfile, ownProfileKey, profileHistoryKey, updateOwnProfile } from '../../api/profiles.api';
import { FormMessage } from '../../forms/form-parts';
import { useTranslation } from '../../i18n/use-translation';
import { ClaimableProfilesPanel } from './claimable-profiles-panel';
import { CompletenessPanel } from './completeness-panel';
import { EditorContext, type ProfileEditorContext } from './editor/editor-context';
import { HistoryPanel } from './history-panel';
import { PreviewSwitch, type EditorMode } from './preview-switch';
import { ProfilePreview } from './profile-preview';
import { sectionEditors } from './profile-sections';
import { SectionNav } from './section-nav';

/** Keeps the user on the page while any section holds unsaved edits. */
function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

export function ProfileEditor({ profile }: { profile: OwnProfile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<EditorMode>('edit');
  const [generation, setGeneration] = useState(0);
  const [dirty, setDirty] = useState<ReadonlySet<ProfileSection>>(new Set());
  const [reloadedVersion, setReloadedVersion] = useState<number | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useLeaveWarning(dirty.size > 0);

  const reportDirty = useCallback((section: ProfileSection, isDirty: boolean) => {
    setDirty((current) => {
      if (current.has(section) === isDirty) return current;
      const next = new Set(current);
      if (isDirty) next.add(section);
      else next.delete(section);
      return next;
    });
  }, []);

  const context = useMemo<ProfileEditorContext>(() => {
    const replace = (updated: OwnProfile) => {
      queryClient.setQueryData(ownProfileKey, updated);
      void queryClient.invalidateQueries({ queryKey: profileHistoryKey });
    };
    return {
      profile,
      replace,
      // One save at a time, each with the version the previous one produced.
      save(body) {
        const run = async () => {
          const latest = queryClient.getQueryData<OwnProfile>(ownProfileKey) ?? profile;
          const updated = await updateOwnProfile({ ...body, version: latest.version });
          replace(updated);
          return updated;
        };
        const result = queue.current.then(run, run);
        queue.current = result.catch(() => undefined);
        return result;
      },
      async reload() {
        const fresh = await queryClient.fetchQuery({ queryKey: ownProfileKey, queryFn: getOwnProfile, staleTime: 0 });
        setDirty(new Set());
        setGeneration((g) => g + 1);
        setReloadedVersion(fresh.version);
      },
      reportDirty,
    };
  }, [profile, queryClient, reportDirty]);

  const jump = (section: ProfileSection) => {
    setMode('edit');
    // After the sections are shown again: scroll to the section and move focus to its title.
    requestAnimationFrame(() => {
      const title = document.getElementById(`section-${section}-title`);
      title?.scrollIntoView({ block: 'start' });
      title?.focus({ preventScroll: true });
    });
  };

  // A link to one section (`/profile/edit#section-education`, e.g. from "programs that fit me") opens it.
  useEffect(() => {
    const hash = window.location.hash.slice(1);
    if (hash.startsWith('section-'))
      requestAnimationFrame(() => document.getElementById(`${hash}-title`)?.scrollIntoView({ block: 'start' }));
  }, []);

  return (
    <EditorContext.Provider value={context}>
      <div className="page profile-edit">
        <div className="page-head">
          <h1>{t('profile.editTitle')}</h1>
          <Link className="button-secondary button-small" to={`/experts/${profile.id}`} data-testid="view-profile-page">
            {t('profile.viewPage')}
          </Link>
        </div>
        <p className="lead">{t('profile.intro')}</p>
        <ClaimableProfilesPanel />
        {profile.location?.kind === 'haiphong' && profile.location.commune === null && profile.location.formerAddress ? (
          <div className="notice notice-info" role="status" data-testid="confirm-commune-banner">
            <p>{t('profileValues.confirmCommune', { former: profile.location.formerAddress })}</p>
            <button type="button" className="button-secondary button-small" onClick={() => jump('location')}>
              {t('profile.hints.confirm_commune')}
            </button>
          </div>
        ) : null}
        <FormMessage kind="info">{reloadedVersion !== null ? t('profile.reloaded', { version: reloadedVersion }) : null}</FormMessage>
        <div className="panel profile-toolbar">
          <CompletenessPanel completeness={profile.completeness} onJump={jump} />
          <PreviewSwitch mode={mode} onChange={setMode} />
        </div>
        <div className="profile-layout">
          <SectionNav visibility={profile.visibility} dirty={dirty} onJump={jump} />
          <div className="profile-sections" hidden={mode !== 'edit'} key={generation}>
            {sectionEditors.map(([section, Editor]) => (
              <Editor key={section} />
            ))}
          </div>
          {mode !== 'edit' ? <ProfilePreview profile={profile} audience={mode} hasUnsaved={dirty.size > 0} /> : null}
        </div>
        <HistoryPanel />
      </div>
    </EditorContext.Provider>
  );
}
