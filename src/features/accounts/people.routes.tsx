import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../http/app.ts';
import type { PageSection } from '../../views/layout.tsx';
import { redirectWithFlash, requireViewer, sendPage } from '../../http/context.tsx';
import { AppError, notFound } from '../../http/errors.ts';
import { FormBody, formErrors, tryForm } from '../../http/forms.ts';
import { Line, Text } from '../../http/validation.ts';
import { translateErrors, type Errors } from '../../views/form.tsx';
import type { User } from './accounts.table.ts';
import { canEditProfile, canSeeProfile } from './accounts.policy.ts';
import { parseSkills, removePhoto, setPhoto, updateProfile } from './people.service.ts';
import {
  DirectoryPage,
  ProfileEditPage,
  ProfilePage,
  profileValues,
  type PersonView,
  type ProfileValues,
} from './people.views.tsx';
import { PHOTO_SIZES } from './photos.ts';
import {
  decodeCursor,
  encodeCursor,
  findUserById,
  listDepartments,
  listUsers,
  skillsOf,
  topSkills,
} from './users.queries.ts';

export const DirectoryQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  department: Type.Optional(Type.String({ maxLength: 100 })),
  skill: Type.Optional(Type.String({ maxLength: 60 })),
  availability: Type.Optional(
    Type.Union([
      Type.Literal(''),
      Type.Literal('available'),
      Type.Literal('busy'),
      Type.Literal('away'),
    ]),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const Availability = Type.Union([
  Type.Literal('available'),
  Type.Literal('busy'),
  Type.Literal('away'),
]);

const ProfileForm = FormBody({
  name: Line(100),
  title: Line(100),
  department: Line(100),
  location: Line(100),
  bio: Text(2000),
  skills: Line(1500),
  availability: Availability,
  capacity: Type.Integer({ minimum: 0, maximum: 100 }),
  awayUntil: Type.Union([Type.Literal(''), Type.String({ format: 'date' })]),
  manager: Type.Union([Type.Literal(''), Type.String({ format: 'email', maxLength: 254 })]),
});

const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

/** Loads a person with skills and manager, as the viewer may see them. */
export async function loadPerson(
  deps: Pick<Deps, 'db'>,
  viewer: User,
  id: string,
): Promise<PersonView> {
  const user = await findUserById(deps.db, id);
  if (!user || !canSeeProfile(viewer, user)) throw notFound();
  const skills = (await skillsOf(deps.db, [user.id])).get(user.id) ?? [];
  const manager = user.manager_id ? await findUserById(deps.db, user.manager_id) : undefined;
  return { ...user, skills, manager: manager ? { id: manager.id, name: manager.name } : null };
}

export async function withSkills(deps: Pick<Deps, 'db'>, users: User[]): Promise<PersonView[]> {
  const skills = await skillsOf(
    deps.db,
    users.map((u) => u.id),
  );
  return users.map((u) => ({ ...u, skills: skills.get(u.id) ?? [] }));
}

export async function peopleRoutes(
  instance: FastifyInstance,
  deps: Deps,
  sections: { posts?: PageSection } = {},
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = deps;

  app.get('/people', { schema: { querystring: DirectoryQuery } }, async (req, reply) => {
    requireViewer(req);
    const q = req.query as typeof DirectoryQuery.static;
    const query = {
      q: q.q?.trim() ?? '',
      department: q.department ?? '',
      skill: q.skill?.trim() ?? '',
      availability: q.availability ?? '',
    };
    const { users, next } = await listUsers(
      db,
      {
        q: query.q || undefined,
        department: query.department || undefined,
        skill: query.skill || undefined,
        availability: query.availability || undefined,
      },
      { cursor: decodeCursor(q.cursor), limit: 30 },
    );
    const [people, departments, skills] = await Promise.all([
      withSkills(deps, users),
      listDepartments(db),
      topSkills(db, 50),
    ]);
    const nextUrl = next
      ? `/people?${new URLSearchParams({ ...query, cursor: encodeCursor(next) }).toString()}`
      : null;
    return sendPage(req, reply, deps, req.i18n.t('people.title'), (ctx) => (
      <DirectoryPage
        ctx={ctx}
        query={query}
        people={people}
        departments={departments}
        skills={skills}
        nextUrl={nextUrl}
      />
    ));
  });

  app.get('/people/:id', { schema: { params: IdParams } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const person = await loadPerson(deps, viewer, req.params.id);
    const posts = sections.posts ? await sections.posts(req, viewer, person.id) : null;
    return sendPage(req, reply, deps, person.name, (ctx) => (
      <ProfilePage
        ctx={ctx}
        person={person}
        canEdit={canEditProfile(viewer, person)}
        posts={posts ? posts(ctx) : null}
      />
    ));
  });

  const showEdit = async (
    req: FastifyRequest,
    reply: Parameters<typeof sendPage>[1],
    person: PersonView,
    values: ProfileValues,
    errors: Errors,
    photoErrors: Errors,
    status = 200,
  ) =>
    sendPage(
      req,
      reply,
      deps,
      req.i18n.t('profile.edit_title', { name: person.name }),
      (ctx) => (
        <ProfileEditPage
          ctx={ctx}
          person={person}
          values={values}
          errors={errors}
          photoErrors={photoErrors}
          maxPhotoMb={config.photoMaxMb}
        />
      ),
      status,
    );

  const editablePerson = async (req: FastifyRequest, id: string) => {
    const viewer = requireViewer(req);
    const person = await loadPerson(deps, viewer, id);
    if (!canEditProfile(viewer, person)) throw notFound();
    return { viewer, person };
  };

  const managerEmailOf = async (person: PersonView) =>
    person.manager ? ((await findUserById(db, person.manager.id))?.email ?? '') : '';

  app.get('/people/:id/edit', { schema: { params: IdParams } }, async (req, reply) => {
    const { person } = await editablePerson(req, req.params.id);
    return showEdit(
      req,
      reply,
      person,
      profileValues(person, await managerEmailOf(person)),
      {},
      {},
    );
  });

  app.post(
    '/people/:id',
    { schema: { params: IdParams, body: ProfileForm }, attachValidation: true },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const { viewer, person } = await editablePerson(req, id);
      const body = req.body as ProfileValues;
      const errors = formErrors(req);
      if (errors) return showEdit(req, reply, person, body, errors, {}, 400);
      const f = req.body as typeof ProfileForm.static;
      const r = await tryForm(req, () =>
        updateProfile(deps, viewer, person.id, {
          name: f.name,
          title: f.title,
          department: f.department,
          location: f.location,
          bio: f.bio,
          skills: parseSkills(f.skills),
          availability: f.availability,
          capacity: f.capacity,
          awayUntil: f.awayUntil || null,
          managerEmail: f.manager,
        }),
      );
      if ('errors' in r) return showEdit(req, reply, person, body, r.errors, {}, 400);
      return redirectWithFlash(reply, `/people/${person.id}`, 'success', 'profile.saved');
    },
  );

  app.post('/people/:id/photo', { schema: { params: IdParams } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const { viewer, person } = await editablePerson(req, id);
    const showPhotoError = async (err: AppError) =>
      showEdit(
        req,
        reply,
        person,
        profileValues(person, await managerEmailOf(person)),
        {},
        translateErrors(
          req.i18n,
          err.fields.length
            ? err.fields
            : [{ field: 'photo', code: err.code, message: err.title, params: err.params }],
        ),
        err.status,
      );
    try {
      const data = await readUpload(req);
      await setPhoto(deps, viewer, person.id, data);
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.status !== 403)
        return showPhotoError(err);
      const code = (err as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') {
        return showPhotoError(
          new AppError(413, 'too_large', 'photo.too_large', { max: config.photoMaxMb }),
        );
      }
      throw err;
    }
    return redirectWithFlash(reply, `/people/${person.id}/edit`, 'success', 'profile.photo_saved');
  });

  app.post('/people/:id/photo/delete', { schema: { params: IdParams } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const { viewer, person } = await editablePerson(req, id);
    await removePhoto(deps, viewer, person.id);
    return redirectWithFlash(
      reply,
      `/people/${person.id}/edit`,
      'success',
      'profile.photo_removed',
    );
  });

  app.get(
    '/people/:id/photo/:size',
    {
      schema: {
        params: Type.Object({
          id: Type.String({ maxLength: 40 }),
          size: Type.Union([Type.Literal('small'), Type.Literal('medium')]),
        }),
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const { id, size } = req.params;
      const user = await findUserById(db, id);
      if (!user || !user.photo_key || !canSeeProfile(viewer, user) || !(size in PHOTO_SIZES))
        throw notFound();
      const file = await deps.storage.get(`${user.photo_key}-${size}.jpg`);
      if (!file) throw notFound();
      return reply
        .header('content-type', 'image/jpeg')
        .header('content-length', file.size)
        .header('cache-control', 'private, max-age=86400')
        .send(file.stream);
    },
  );
}

/** Reads the one uploaded file of a multipart request; a missing file is a field error. */
export async function readUpload(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', 'error.unsupported_media_type', {}, [
      { field: 'photo', code: 'required', message: 'photo.required' },
    ]);
  }
  const file = await req.file();
  if (!file) {
    throw new AppError(400, 'validation_failed', 'error.validation_failed', {}, [
      { field: 'photo', code: 'required', message: 'photo.required' },
    ]);
  }
  const data = await file.toBuffer();
  if (data.length === 0) {
    throw new AppError(400, 'validation_failed', 'error.validation_failed', {}, [
      { field: 'photo', code: 'required', message: 'photo.required' },
    ]);
  }
  return data;
}
