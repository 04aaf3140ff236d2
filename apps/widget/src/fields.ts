import { h, uniqueId } from './dom.ts';

/**
 * A labelled form field with its own error line: the error is tied to the control with
 * `aria-describedby` and `aria-invalid`, so screen readers read it with the field.
 */
export type Field<E extends HTMLElement> = {
  wrapper: HTMLDivElement;
  control: E;
  setError: (message: string | null) => void;
};

export function field<E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
  label: string,
  control: E,
): Field<E> {
  const id = uniqueId('field');
  const errorId = `${id}-error`;
  control.id = id;
  const error = h('div', { class: 'error', id: errorId });
  control.setAttribute('aria-describedby', errorId);
  return {
    wrapper: h('div', { class: 'field' }, h('label', { for: id }, label), control, error),
    control,
    setError(message) {
      error.textContent = message ?? '';
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

// Deliberately permissive (one @, no spaces, a dot in the domain), the same rule as the server's.
export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/** Shows each field's error (or clears it); focuses the first wrong field. Answers whether all are fine. */
export function showErrors(fields: [Field<HTMLElement>, string | null][]): boolean {
  let first: HTMLElement | null = null;
  for (const [item, message] of fields) {
    item.setError(message);
    if (message && !first) first = item.control;
  }
  first?.focus();
  return first === null;
}
