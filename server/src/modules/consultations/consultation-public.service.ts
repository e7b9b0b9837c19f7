import type { ConsultationRow } from '@hpen/db';
import type { ConsultationsRepository } from './consultations.repository.js';
import { consultationsErrors } from './consultations.errors.js';
import type { PublicConsultation } from './consultations.schemas.js';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The public record: closed cases the requester allowed to publish, with the names of members who consented. */
export function createConsultationPublicService({
  consultationsRepository: repo,
  publicUrl,
}: {
  consultationsRepository: ConsultationsRepository;
  publicUrl: string;
}) {
  async function toPublic(c: ConsultationRow): Promise<PublicConsultation> {
    const [orgs, members] = await Promise.all([
      repo.organisations([c.requesterOrganisationId, c.organiserOrganisationId]),
      repo.members(c.id),
    ]);
    const org = (id: string) => orgs.find((o) => o.id === id)?.nameVi ?? '';
    return {
      id: c.id,
      title: c.title,
      kind: c.kind,
      scheme: { title: c.scheme.title, ownerAgency: c.scheme.ownerAgency },
      requester: org(c.requesterOrganisationId),
      organiser: org(c.organiserOrganisationId),
      createdAt: c.createdAt.toISOString(),
      sentAt: c.sentAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      reportSummary: c.report?.summary ?? '',
      reply: c.reply ? { accepted: c.reply.accepted, notAccepted: c.reply.notAccepted, explanation: c.reply.explanation } : null,
      panel: members
        .filter((m) => m.member.status === 'accepted' && m.member.declaration?.publishName === true)
        .map((m) => ({ name: m.profile.fullName, profileId: m.profile.id, role: m.member.role })),
    };
  }

  return {
    async list(limit = 100) {
      return { items: await Promise.all((await repo.published(limit)).map(toPublic)) };
    },

    async get(id: string) {
      const c = await repo.find(id);
      if (!c || c.status !== 'closed' || !c.published) throw consultationsErrors.notFound();
      return toPublic(c);
    },

    /** Atom 1.0 feed of the public record, newest first. */
    async atom() {
      const { items } = await this.list(50);
      const updated = items[0]?.closedAt ?? new Date(0).toISOString();
      const entries = items.map(
        (i) => `  <entry>
    <id>${publicUrl}/public/consultations/${i.id}</id>
    <title>${escapeXml(i.title)}</title>
    <link href="${publicUrl}/public/consultations/${i.id}"/>
    <updated>${i.closedAt ?? i.createdAt}</updated>
    <author><name>${escapeXml(i.organiser)}</name></author>
    <summary>${escapeXml(i.reportSummary)}</summary>
  </entry>`,
      );
      return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${publicUrl}/public/consultations</id>
  <title>Tư vấn, phản biện và giám định xã hội — Mạng lưới Trí thức Hải Phòng</title>
  <link rel="self" href="${publicUrl}/api/public/consultations/feed.atom"/>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
    },
  };
}
export type ConsultationPublicService = ReturnType<typeof createConsultationPublicService>;
