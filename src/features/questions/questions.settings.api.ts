import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireAdmin, requireViewer } from '../../http/context.tsx';
import {
  getBusinessHours,
  getOrgTargetHours,
  loadGroupTarget,
  setBusinessHours,
  setGroupTarget,
  setOrgTargetHours,
  TARGET_MAX_HOURS,
} from './questions.targets.ts';

const bhFields = {
  timeZone: Type.String({ maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' }),
  workingDays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
    minItems: 1,
    maxItems: 7,
    description: 'ISO weekdays: 1 Monday … 7 Sunday',
  }),
  start: Type.String({ maxLength: 5, description: 'local time HH:MM' }),
  end: Type.String({ maxLength: 5, description: 'local time HH:MM after start; 24:00 allowed' }),
  holidays: Type.Array(Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }), {
    maxItems: 366,
    description: 'local dates on which nobody works',
  }),
};
const BusinessHoursJson = Type.Object(bhFields, { $id: 'BusinessHours' });
const BusinessHoursBody = Type.Object(bhFields, { additionalProperties: false });

const Hours = Type.Integer({ minimum: 1, maximum: TARGET_MAX_HOURS });
const OrgTargetJson = Type.Object(
  { hours: Hours },
  { description: 'hours an org-wide question may wait for a first answer' },
);
const GroupTargetJson = Type.Object({
  groupId: Type.String(),
  hours: Type.Integer({ description: 'in effect: the group’s own or the default' }),
  own: Type.Boolean({ description: 'whether the group set its own' }),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

/**
 * `/api/v1/admin/business-hours`, `/api/v1/admin/question-target` (admins) and
 * `/api/v1/groups/{id}/question-target` (owners and admins change it; readers see it).
 */
export async function questionSettingsApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addSchema(BusinessHoursJson);
  const BhRef = Type.Ref(BusinessHoursJson);
  const tags = ['questions'];
  const bhJson = async () => {
    const bh = await getBusinessHours(db);
    return {
      timeZone: bh.timeZone,
      workingDays: bh.days,
      start: bh.start,
      end: bh.end,
      holidays: bh.holidays,
    };
  };

  app.get(
    '/admin/business-hours',
    {
      schema: {
        tags,
        summary: 'Admin: working days, hours, time zone and holidays (for answer times)',
        response: { 200: BhRef, ...problems(401, 403) },
      },
    },
    async (req) => {
      requireAdmin(req);
      return bhJson();
    },
  );

  app.put(
    '/admin/business-hours',
    {
      schema: {
        tags,
        summary: 'Admin: set working days, hours, time zone and holidays',
        body: BusinessHoursBody,
        response: { 200: BhRef, ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const actor = requireAdmin(req);
      const b = req.body;
      await setBusinessHours(deps, actor, {
        timeZone: b.timeZone,
        days: b.workingDays,
        start: b.start,
        end: b.end,
        holidays: b.holidays,
      });
      return bhJson();
    },
  );

  app.get(
    '/admin/question-target',
    {
      schema: {
        tags,
        summary: 'Admin: the target for a first answer to org-wide questions',
        response: { 200: OrgTargetJson, ...problems(401, 403) },
      },
    },
    async (req) => {
      requireAdmin(req);
      return { hours: await getOrgTargetHours(db) };
    },
  );

  app.put(
    '/admin/question-target',
    {
      schema: {
        tags,
        summary: 'Admin: set the target for a first answer to org-wide questions',
        body: Type.Object({ hours: Hours }, { additionalProperties: false }),
        response: { 200: OrgTargetJson, ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      await setOrgTargetHours(deps, requireAdmin(req), req.body.hours);
      return { hours: await getOrgTargetHours(db) };
    },
  );

  app.get(
    '/groups/:id/question-target',
    {
      schema: {
        tags,
        summary: 'A group’s target for a first answer to its questions',
        params: IdParams,
        response: { 200: GroupTargetJson, ...problems(401, 404) },
      },
    },
    async (req) => {
      const t = await loadGroupTarget(deps, requireViewer(req), req.params.id);
      return { groupId: t.groupId, hours: t.hours, own: t.own };
    },
  );

  app.put(
    '/groups/:id/question-target',
    {
      schema: {
        tags,
        summary: 'Owners and admins: set the group’s target (null: back to the default, 24 h)',
        params: IdParams,
        body: Type.Object(
          { hours: Type.Union([Hours, Type.Null()]) },
          { additionalProperties: false },
        ),
        response: { 200: GroupTargetJson, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => setGroupTarget(deps, requireViewer(req), req.params.id, req.body.hours),
  );
}
