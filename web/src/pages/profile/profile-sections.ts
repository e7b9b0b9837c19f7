import type { ProfileSection } from '@hpen/server/contracts';
import type { ComponentType } from 'react';
import { AvailabilitySection } from './sections/availability-section';
import { AwardsSection } from './sections/awards-section';
import { BioSection } from './sections/bio-section';
import { CompletedReviewsSection } from './sections/completed-reviews-section';
import { ContactSection } from './sections/contact-section';
import { EducationSection } from './sections/education-section';
import { ExpertiseSection } from './sections/expertise-section';
import { IdentitySection } from './sections/identity-section';
import { LanguagesSection } from './sections/languages-section';
import { LocationSection } from './sections/location-section';
import { PatentsSection } from './sections/patents-section';
import { PersonalSection } from './sections/personal-section';
import { PositionsSection } from './sections/positions-section';
import { ProjectsSection } from './sections/projects-section';
import { PublicationsSection } from './sections/publications-section';

/** The editor's sections in the API's order (profileSections); each edits and saves on its own. */
export const sectionEditors: ReadonlyArray<readonly [ProfileSection, ComponentType]> = [
  ['identity', IdentitySection],
  ['personal', PersonalSection],
  ['contact', ContactSection],
  ['bio', BioSection],
  ['expertise', ExpertiseSection],
  ['education', EducationSection],
  ['positions', PositionsSection],
  ['languages', LanguagesSection],
  ['publications', PublicationsSection],
  ['patents', PatentsSection],
  ['projects', ProjectsSection],
  ['awards', AwardsSection],
  ['location', LocationSection],
  ['availability', AvailabilitySection],
  ['completedReviews', CompletedReviewsSection],
];
