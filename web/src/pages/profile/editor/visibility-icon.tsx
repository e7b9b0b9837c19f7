import type { VisibilityLevel } from '@hpen/server/contracts';

const PATHS: Record<VisibilityLevel, string> = {
  // a globe
  public: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9M12 3c-2.5 2.6-3.8 5.6-3.8 9s1.3 6.4 3.8 9',
  // a public building
  agencies: 'M3 21h18M4 10h16M12 3l8 5H4zM6 10v8M10 10v8M14 10v8M18 10v8',
  // a padlock
  private: 'M6 11h12v10H6zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11',
};

/** Drawn, not an emoji: emoji fonts are missing on some systems and print poorly. */
export function VisibilityIcon({ level }: { level: VisibilityLevel }) {
  return (
    <svg className="visibility-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[level]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
