import type { ExpertView } from '@hpen/server/contracts';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { degreeLabel } from '../../lib/reference-labels';
import { useLanguage } from '../../lib/use-language';
import { AwardsPart, EducationPart, LanguagesPart, PatentsPart, PositionsPart, ProjectsPart, PublicationsPart } from './profile-lists';
import { AvailabilityPart, BioPart, CompletedReviewsPart, ContactPart, ExpertisePart, LocationPart } from './profile-summary-parts';
import { VerifiedBadge } from './verified-badge';

interface Props {
  view: ExpertView;
  /** 1 on the profile page (the name is the page's h1); 2 inside the editor's preview. */
  headingLevel: 1 | 2;
}

const has = <T,>(list: T[] | undefined): list is T[] => Array.isArray(list) && list.length > 0;

/**
 * A profile as one audience receives it: a section absent from the view is not rendered,
 * and empty sections are left out rather than shown as blanks.
 */
export function ExpertProfileView({ view, headingLevel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const Name = headingLevel === 1 ? 'h1' : 'h2';
  const level = headingLevel === 1 ? 2 : 3;
  const credentials = [
    view.academicTitle ? t(`profileValues.academicTitle.${view.academicTitle}`) : '',
    degreeLabel(view.highestDegree, language),
  ].filter(Boolean);
  const personal = [
    view.birthYear ? t('expert.born', { year: view.birthYear }) : '',
    view.gender ? t(`profileValues.gender.${view.gender}`) : '',
  ].filter(Boolean);
  const hasExpertise = has(view.fields) || has(view.keywords) || has(view.sectors);
  const availability = view.availability;
  const hasAvailability = availability && (availability.kinds.length > 0 || availability.modes.length > 0 || availability.note);

  return (
    <article className="expert-profile">
      <header className="expert-head" data-section="identity">
        <Name data-testid="expert-name">
          {view.academicTitle ? <span className="name-title">{t(`profileValues.academicTitleShort.${view.academicTitle}`)} </span> : null}
          {view.fullName}
        </Name>
        {credentials.length ? (
          <p className="expert-credentials">
            {credentials[0]}
            {/* The badge belongs to the academic title, which comes first when there is one. */}
            {view.academicTitle ? <VerifiedBadge badges={view.verified} itemType="title" itemId={null} /> : null}
            {credentials.length > 1 ? ` · ${credentials.slice(1).join(' · ')}` : null}
          </p>
        ) : null}
        {view.orcid ? (
          <p className="expert-orcid">
            {t('expert.orcid')}:{' '}
            <a href={`https://orcid.org/${view.orcid}`} rel="noopener noreferrer">
              {view.orcid}
            </a>
          </p>
        ) : null}
        {personal.length ? (
          <p className="expert-personal" data-section="personal">
            {personal.join(' · ')}
          </p>
        ) : null}
        <p className="muted expert-updated">{t('expert.updated', { date: formatDate(view.updatedAt, language) })}</p>
      </header>
      <div className="expert-body">
        <div className="expert-main">
          {view.bio && (view.bio.vi.trim() || view.bio.en.trim()) ? <BioPart bio={view.bio} level={level} /> : null}
          {hasExpertise ? <ExpertisePart view={view} level={level} /> : null}
          {has(view.positions) ? <PositionsPart items={view.positions} level={level} verified={view.verified} /> : null}
          {has(view.education) ? <EducationPart items={view.education} level={level} verified={view.verified} /> : null}
          {has(view.projects) ? <ProjectsPart items={view.projects} level={level} /> : null}
          {has(view.publications) ? <PublicationsPart items={view.publications} level={level} /> : null}
          {has(view.patents) ? <PatentsPart items={view.patents} level={level} /> : null}
          {has(view.awards) || view.verified.some((b) => b.itemType === 'award') ? (
            <AwardsPart items={view.awards ?? []} level={level} verified={view.verified} />
          ) : null}
          {has(view.completedReviews) ? <CompletedReviewsPart items={view.completedReviews} level={level} /> : null}
        </div>
        <aside className="expert-side">
          {view.contact && (view.contact.email || view.contact.phone) ? <ContactPart contact={view.contact} level={level} /> : null}
          {view.location ? <LocationPart location={view.location} level={level} /> : null}
          {has(view.languages) ? <LanguagesPart items={view.languages} level={level} /> : null}
          {availability && hasAvailability ? <AvailabilityPart availability={availability} level={level} /> : null}
        </aside>
      </div>
    </article>
  );
}
