import type { ComponentChildren } from 'preact';
import type { FieldError } from '../http/errors.ts';
import type { I18n } from './i18n.ts';

/** Field errors by field name, already translated. */
export type Errors = Record<string, string>;

export function translateErrors(i18n: I18n, fields: readonly FieldError[]): Errors {
  const out: Errors = {};
  for (const f of fields) out[f.field] ??= i18n.t(f.message, f.params);
  return out;
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function ErrorSummary({ i18n, errors }: { i18n: I18n; errors: Errors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p>{i18n.t('form.has_errors', { count: entries.length })}</p>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  value?: string | number | null | undefined;
  errors: Errors;
  type?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  list?: string;
}

function describedBy(name: string, errors: Errors, hint?: string): string | undefined {
  const ids = [hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame(props: {
  name: string;
  label: string;
  errors: Errors;
  hint?: string;
  children: ComponentChildren;
}) {
  const error = props.errors[props.name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={props.name}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${props.name}-error`}>
          {error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

export function Field(p: FieldProps) {
  return (
    <FieldFrame name={p.name} label={p.label} errors={p.errors} hint={p.hint}>
      <input
        id={p.name}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        autocomplete={p.autocomplete}
        maxLength={p.maxLength}
        min={p.min}
        max={p.max}
        list={p.list}
        aria-invalid={p.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.errors, p.hint)}
      />
    </FieldFrame>
  );
}

export function TextArea(p: Omit<FieldProps, 'type'> & { rows?: number }) {
  return (
    <FieldFrame name={p.name} label={p.label} errors={p.errors} hint={p.hint}>
      <textarea
        id={p.name}
        name={p.name}
        rows={p.rows ?? 4}
        maxLength={p.maxLength}
        aria-invalid={p.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.errors, p.hint)}
      >
        {p.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export function Select(
  p: Omit<FieldProps, 'type'> & { options: readonly { value: string; label: string }[] },
) {
  return (
    <FieldFrame name={p.name} label={p.label} errors={p.errors} hint={p.hint}>
      <select
        id={p.name}
        name={p.name}
        aria-invalid={p.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.errors, p.hint)}
      >
        {p.options.map((o) => (
          <option value={o.value} selected={String(p.value ?? '') === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function Checkbox(p: { name: string; label: string; checked: boolean; value?: string }) {
  return (
    <div class="field check">
      <input id={p.name} name={p.name} type="checkbox" value={p.value ?? '1'} checked={p.checked} />
      <label for={p.name}>{p.label}</label>
    </div>
  );
}
