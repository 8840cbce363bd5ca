import { requireSatisfaction } from './customers.access.ts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { sendPage } from '../../http/context.tsx';
import { tryForm } from '../../http/forms.ts';
import type { Errors } from '../../views/form.tsx';
import { toCsv } from '../analytics/csv.ts';
import type { HomeSection } from '../feed/index.ts';
import { canSeeSatisfaction } from './customers.policy.ts';
import { publishRoutes } from './publish.routes.tsx';
import {
  anyEvaluation,
  checkFilter,
  loadSatisfaction,
  type SatisfactionFilter,
} from './satisfaction.ts';
import { CSV_HEADERS, satisfactionCsvRows } from './satisfaction.csv.ts';
import {
  filterOf,
  filterOptions,
  FilterQuery,
  type FilterQueryType,
} from './satisfaction.filters.ts';
import { satisfactionJson } from './satisfaction.json.ts';
import { SatisfactionPage } from './satisfaction.views.tsx';
import { widgetRoutes, widgetTokenRoutes } from './widget.routes.tsx';
import { SatisfactionWidget, WIDGET_CSS } from './widget.tsx';

/** The filter, checked; an unknown round or owner is named and the default figures shown. */
async function checkedFilter(
  req: FastifyRequest,
  deps: Pick<Deps, 'db'>,
  q: FilterQueryType,
): Promise<{ filter: SatisfactionFilter; errors: Errors }> {
  const asked = filterOf(q);
  const r = await tryForm(req, () => checkFilter(deps.db, asked));
  if (!('errors' in r)) return { filter: asked, errors: {} };
  return {
    filter: {
      roundId: r.errors.roundId ? null : asked.roundId,
      industry: asked.industry,
      ownerId: r.errors.ownerId ? null : asked.ownerId,
    },
    errors: r.errors,
  };
}

/** `/satisfaction` with its CSV, the widget tokens, the embeddable widget, publishing. */
export async function satisfactionRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get('/satisfaction', { schema: { querystring: FilterQuery } }, async (req, reply) => {
    const viewer = await requireSatisfaction(req, deps.db, 'page');
    const { filter, errors } = await checkedFilter(req, deps, req.query);
    const [data, options] = await Promise.all([loadSatisfaction(db, filter), filterOptions(db)]);
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('satisfaction.page_title'),
      (ctx) => (
        <SatisfactionPage
          ctx={ctx}
          data={data}
          filter={filterOf(req.query)}
          options={options}
          errors={errors}
          isAdmin={viewer.role === 'admin'}
        />
      ),
      Object.keys(errors).length ? 400 : 200,
    );
  });

  app.get('/satisfaction.csv', { schema: { querystring: FilterQuery } }, async (req, reply) => {
    await requireSatisfaction(req, deps.db, 'page');
    const filter = filterOf(req.query);
    await checkFilter(db, filter);
    const data = satisfactionJson(req.i18n, await loadSatisfaction(db, filter), {
      customers: 'ids',
    });
    const name = `satisfaction${data.round ? `-${data.round.id}` : ''}`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kantine-${name}.csv"`)
      .send(toCsv(CSV_HEADERS, satisfactionCsvRows(req.i18n, data), { bom: true }));
  });

  await widgetTokenRoutes(app, deps);
  await widgetRoutes(app, deps);
  await publishRoutes(app, deps);
}

/** The satisfaction widget on the home page, for those allowed to see it. */
export function satisfactionHome(deps: Deps): HomeSection {
  return async (viewer) => {
    // The cheap check first: most organisations have no evaluations, or not yet.
    if (!(await anyEvaluation(deps.db))) return null;
    if (!(await canSeeSatisfaction(deps.db, viewer))) return null;
    const data = await loadSatisfaction(deps.db, {});
    if (!data.round) return null;
    return (ctx) => (
      <SatisfactionWidget
        i18n={ctx.i18n}
        data={data}
        variant="compact"
        id="home-sat"
        customers="links"
        stylesheet={WIDGET_CSS()}
        moreHref="/satisfaction"
      />
    );
  };
}
