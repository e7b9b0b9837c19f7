import type { ProfileSection } from '@hpen/server/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';

/** One section of a rendered profile, findable as [data-section=<section>]. */
export function ProfilePart({ section, level, children }: { section: ProfileSection; level: 2 | 3; children: ReactNode }) {
  const { t } = useTranslation();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="profile-part" data-section={section}>
      <Heading>{t(`profile.sections.${section}`)}</Heading>
      {children}
    </section>
  );
}

/** "2015 – nay", "2010 – 2014", "2019". */
export function yearSpan(from: number, to: number | null, present: string, ongoing = true): string {
  if (to === null) return ongoing ? `${from} – ${present}` : String(from);
  return from === to ? String(from) : `${from} – ${to}`;
}
