import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireAdmin, requireViewer } from '../../http/context.tsx';
import { addLead, listLeads, removeLead } from './leads.ts';

const LeadJson = Type.Object({
  department: Type.String(),
  user: Type.Object({ id: Type.String(), name: Type.String() }),
  active: Type.Boolean({ description: 'false: the person was deactivated since' }),
  createdAt: Type.String({ format: 'date-time' }),
});

/** `/api/v1/pain-points/leads…`: who leads which department (admins change it). */
export async function leadsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const tags = ['pain-points'];

  app.get(
    '/pain-points/leads',
    {
      schema: {
        tags,
        summary: 'Department leads, by department and name',
        description:
          'Leads assign owners to their department’s pain points and change their status. ' +
          'Not paged: `nextCursor` is always null.',
        response: { 200: Page(LeadJson), ...problems(401) },
      },
    },
    async (req) => {
      requireViewer(req);
      const leads = await listLeads(db);
      return {
        items: leads.map((l) => ({
          department: l.department,
          user: { id: l.user_id, name: l.name },
          active: l.status === 'active',
          createdAt: l.created_at,
        })),
        nextCursor: null,
      };
    },
  );

  app.post(
    '/pain-points/leads',
    {
      schema: {
        tags,
        summary: 'Admin: make an active person a lead of a department',
        description: '201 when added, 200 when they were a lead of it already.',
        body: Type.Object(
          {
            department: Type.String({ maxLength: 400 }),
            userId: Type.String({ maxLength: 40 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: LeadJson, 201: LeadJson, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const r = await addLead(deps, actor, req.body);
      const lead = (await listLeads(db)).find(
        (l) => l.department === r.department && l.user_id === r.userId,
      )!;
      return reply.code(r.added ? 201 : 200).send({
        department: lead.department,
        user: { id: lead.user_id, name: lead.name },
        active: lead.status === 'active',
        createdAt: lead.created_at,
      });
    },
  );

  app.delete(
    '/pain-points/leads/:department/:userId',
    {
      schema: {
        tags,
        summary: 'Admin: take a lead off a department',
        params: Type.Object({
          department: Type.String({ maxLength: 400 }),
          userId: Type.String({ maxLength: 40 }),
        }),
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req);
      await removeLead(deps, actor, req.params.department, req.params.userId);
      return reply.code(204).send(null);
    },
  );
}
