/** The baseline: a bare Fastify route answering a small JSON document, nothing else. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const doc = { id: '00000000-0000-4000-8000-000000000000', fullName: 'Nguyễn Văn Hải', academicTitle: 'PGS', highestDegree: 'TS' };
app.get('/bare/:id', async (request) => ({ ...doc, id: (request.params as { id: string }).id }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
