import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireAdmin, requireViewer, sendPage } from '../../http/context.tsx';
import { FormBody, formErrors, tryForm } from '../../http/forms.ts';
import { Line } from '../../http/validation.ts';
import type { Errors } from '../../views/form.tsx';
import { addLead, knownDepartments, listLeads, removeLead } from './leads.ts';
import { LeadsPage } from './leads.views.tsx';
import { canManageLeads } from './painpoints.policy.ts';
import { activePeople } from './painpoints.queries.ts';

const LeadForm = FormBody({
  department: Type.Optional(Line(400)),
  userId: Type.Optional(Type.String({ maxLength: 40 })),
});

/** `/pain-points/leads`: the list for everyone, the forms for admins. */
export async function leadsRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: Errors,
    status = 200,
  ) => {
    const viewer = requireViewer(req);
    const canManage = canManageLeads(viewer);
    const [leads, departments, people] = await Promise.all([
      listLeads(db),
      canManage ? knownDepartments(db) : Promise.resolve([]),
      canManage ? activePeople(db) : Promise.resolve([]),
    ]);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('painpoints.leads_title'),
      (ctx) => (
        <LeadsPage
          ctx={ctx}
          leads={leads}
          canManage={canManage}
          departments={departments}
          people={people}
          values={values}
          errors={errors}
        />
      ),
      status,
    );
  };

  app.get('/pain-points/leads', async (req, reply) => show(req, reply, {}, {}));

  app.post(
    '/pain-points/leads',
    { schema: { body: LeadForm }, attachValidation: true },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const b = (req.body ?? {}) as { department?: string; userId?: string };
      const values = { department: b.department ?? '', userId: b.userId ?? '' };
      const invalid = formErrors(req);
      if (invalid) return show(req, reply, values, invalid, 400);
      const r = await tryForm(req, () =>
        addLead(deps, actor, { department: values.department, userId: values.userId }),
      );
      if ('errors' in r) return show(req, reply, values, r.errors, 400);
      return redirectWithFlash(
        reply,
        '/pain-points/leads',
        'success',
        r.ok.added ? 'painpoints.lead_added' : 'painpoints.lead_exists',
        { name: r.ok.name, department: r.ok.department },
      );
    },
  );

  app.post(
    '/pain-points/leads/delete',
    {
      schema: {
        body: FormBody({
          department: Type.String({ maxLength: 400 }),
          userId: Type.String({ maxLength: 40 }),
        }),
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const { department, userId } = req.body as { department: string; userId: string };
      await removeLead(deps, actor, department, userId);
      return redirectWithFlash(reply, '/pain-points/leads', 'success', 'painpoints.lead_removed', {
        department,
      });
    },
  );
}
