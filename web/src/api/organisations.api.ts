import type { CreateOrganisationBody, Organisation, organisationListSchema } from '@hpen/server/contracts';
import type { z } from 'zod';
import { apiRequest } from './client';

export function listOrganisations() {
  return apiRequest<z.infer<typeof organisationListSchema>>('/organisations', { auth: false });
}

export function createOrganisation(body: CreateOrganisationBody) {
  return apiRequest<Organisation>('/admin/organisations', { method: 'POST', body });
}
