import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../app/errors.js';
import { contextOf } from '../../app/request-context.js';
import type { ProfileClaimsService } from './profile-claims.service.js';
import type { ProfilesService } from './profiles.service.js';
import {
  claimableProfilesSchema,
  confirmClaimBodySchema,
  importPreviewSchema,
  publicationImportBodySchema,
  publicationImportCommitBodySchema,
  requestClaimBodySchema,
  requestClaimResponseSchema,
  expertIdParamsSchema,
  expertViewSchema,
  ownProfileSchema,
  editableProfileContentSchema,
  profileHistorySchema,
  updateProfileBodySchema,
  visibilitySchema,
} from './profiles.schemas.js';

const security = [{ bearerAuth: [] }];

/** `If-Match: "7"` (or W/"7") carries the version an edit was based on. */
function versionFromIfMatch(header: string | undefined): number | undefined {
  const match = header ? /^(?:W\/)?"?(\d+)"?$/.exec(header.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

interface Options {
  /** Where a merged-away profile id now lives. */
  redirectFor: (id: string) => Promise<string | null>;
  profilesService: ProfilesService;
  profileClaimsService: ProfileClaimsService;
}

export const profilesRoutes: FastifyPluginAsyncZod<Options> = async (app, { profilesService, profileClaimsService, redirectFor }) => {
  app.get(
    '/me/profile',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['profiles'],
        summary: 'My expert profile, with visibility, version and completeness',
        security,
        response: { 200: ownProfileSchema },
      },
    },
    async (request, reply) => {
      const profile = await profilesService.getOwn(contextOf(request));
      reply.header('etag', `"${profile.version}"`);
      return profile;
    },
  );

  app.patch(
    '/me/profile',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['profiles'],
        summary: 'Change any part of my profile; send `version` (or If-Match) to refuse lost updates with 409',
        security,
        body: updateProfileBodySchema,
        response: { 200: ownProfileSchema },
      },
    },
    async (request, reply) => {
      const profile = await profilesService.updateOwn(contextOf(request), request.body, versionFromIfMatch(request.headers['if-match']));
      reply.header('etag', `"${profile.version}"`);
      return profile;
    },
  );

  app.put(
    '/me/profile',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['profiles'],
        summary: 'Replace my whole profile',
        security,
        body: editableProfileContentSchema.extend({
          visibility: visibilitySchema.optional(),
          version: updateProfileBodySchema.shape.version,
        }),
        response: { 200: ownProfileSchema },
      },
    },
    async (request, reply) => {
      const profile = await profilesService.updateOwn(contextOf(request), request.body, versionFromIfMatch(request.headers['if-match']));
      reply.header('etag', `"${profile.version}"`);
      return profile;
    },
  );

  app.get(
    '/me/profile/history',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['profiles'],
        summary: 'Every version of my profile: who changed what, when',
        security,
        response: { 200: profileHistorySchema },
      },
    },
    async (request) => ({ items: await profilesService.history(contextOf(request)) }),
  );

  app.get(
    '/experts/:id',
    {
      preHandler: app.identify,
      schema: {
        tags: ['profiles'],
        summary: "An expert's profile as the caller may see it: public sections for visitors, also agency sections for staff",
        params: expertIdParamsSchema,
        response: { 200: expertViewSchema },
      },
    },
    async (request, reply) => {
      // Views differ by caller: never let a shared cache hand one caller's view to another.
      reply.header('cache-control', 'private, no-store');
      reply.header('vary', 'authorization');
      try {
        return await profilesService.getForViewer(contextOf(request), request.params.id);
      } catch (error) {
        // A profile merged into another keeps its address: 308 to the one it became.
        // Only for a viewer who may see the profile it became: otherwise the old id says nothing (404).
        const target = error instanceof AppError && error.statusCode === 404 ? await redirectFor(request.params.id) : null;
        const visible =
          target &&
          (await profilesService.getForViewer(contextOf(request), target).then(
            () => true,
            () => false,
          ));
        if (visible) return reply.redirect(`/api/experts/${target}`, 308);
        throw error;
      }
    },
  );

  app.post(
    '/me/profile/publications/import/preview',
    {
      preHandler: app.authenticate,
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags: ['profiles'],
        summary: 'Parse a BibTeX or CSV file of publications and mark new entries, duplicates and errors (nothing is saved)',
        security,
        body: publicationImportBodySchema,
        response: { 200: importPreviewSchema },
      },
    },
    async (request) => profilesService.previewPublicationImport(contextOf(request), request.body.format, request.body.content),
  );

  app.post(
    '/me/profile/publications/import',
    {
      preHandler: app.authenticate,
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags: ['profiles'],
        summary: 'Add the new entries of a BibTeX or CSV file (duplicates and invalid entries are skipped)',
        security,
        body: publicationImportCommitBodySchema,
        response: { 200: ownProfileSchema },
      },
    },
    async (request) => profilesService.commitPublicationImport(contextOf(request), request.body),
  );

  app.get(
    '/me/profile/claimable',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['profiles'],
        summary: 'Unclaimed profiles carrying my e-mail address',
        security,
        response: { 200: claimableProfilesSchema },
      },
    },
    async (request) => ({ items: await profileClaimsService.listClaimable(contextOf(request)) }),
  );

  app.post(
    '/me/profile/claims',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['profiles'],
        summary: 'Ask to claim an unclaimed profile: a link goes to the e-mail on that profile',
        security,
        body: requestClaimBodySchema,
        response: { 202: requestClaimResponseSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await profileClaimsService.requestClaim(contextOf(request), request.body.profileId)),
  );

  app.post(
    '/me/profile/claim',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['profiles'],
        summary: 'Confirm a claim with the e-mailed token',
        security,
        body: confirmClaimBodySchema,
        response: { 200: ownProfileSchema },
      },
    },
    async (request) => profileClaimsService.confirmClaim(contextOf(request), request.body.token),
  );
};
