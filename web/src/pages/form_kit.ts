// What the registry's change forms share: the administrator guard, labelled fields whose help
// and error are tied to the control (aria-describedby, aria-invalid), a message box that says the
// server's own refusal, and the submit cycle (check here as the server does, send, show the
// refusal at its field, or go to the changed thing's page).
import { ApiError, changes } from "../api/client";
import type { Id, PositionListItem, Unit } from "../api/types";
import { h, replace, type Attrs, type Child } from "../dom";
import { roleCanAdminister } from "../format";
import { user } from "../session";
import { errorMessage, loading, pageHeading, signInPrompt } from "../ui";
import type { PageContext } from "./context";

/** True when a registry administrator (or administrator) is signed in; otherwise says why not. */
export function editorGuard(ctx: PageContext, title: string, next: string): boolean {
  const u = user();
  if (!u) {
    replace(ctx.main, pageHeading(title), signInPrompt(next, "Halaman ini"));
    return false;
  }
  if (!roleCanAdminister(u.role)) {
    replace(
      ctx.main,
      pageHeading(title),
      h(
        "div",
        { class: "alert error", role: "alert" },
        "Perubahan data registri hanya untuk admin registri dan administrator.",
      ),
    );
    return false;
  }
  return true;
}

/** True when the signed-in user may change the registry (the forms' links are shown). */
export function canEditRegistry(): boolean {
  return roleCanAdminister(user()?.role);
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field<C extends Control = Control> {
  /** The request field the server names when it refuses this one. */
  name: string;
  control: C;
  row: HTMLElement;
  error: HTMLElement;
}

/** A labelled control with its help text and an error slot, both tied to it. */
export function field<C extends Control>(
  name: string,
  label: string,
  control: C,
  help?: Child,
): Field<C> {
  const id = `f-${name}`;
  control.id = id;
  const helpId = `${id}-bantuan`;
  const errorId = `${id}-galat`;
  const error = h("p", { id: errorId, class: "field-error" });
  control.setAttribute("aria-describedby", help ? `${helpId} ${errorId}` : errorId);
  const row = h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    help ? h("p", { id: helpId, class: "muted small field-help" }, help) : null,
    control,
    error,
  );
  return { name, control, row, error };
}

export function textInput(value: string, attrs: Attrs = {}): HTMLInputElement {
  const input = h("input", { type: "text", autocomplete: "off", ...attrs });
  input.value = value;
  return input;
}

/** A select of [value, label] options with `selected` chosen. */
export function select(options: [string, string][], selected: string): HTMLSelectElement {
  const s = h(
    "select",
    null,
    options.map(([v, label]) => h("option", { value: v }, label)),
  );
  s.value = selected;
  return s;
}

export function setError(f: Field, message: string | null): void {
  replace(f.error, message ?? "");
  if (message) f.control.setAttribute("aria-invalid", "true");
  else f.control.removeAttribute("aria-invalid");
}

/** The state of one form: its fields, its message box and its submit button. */
export class FormState {
  readonly message = h("div", { class: "form-message", "aria-live": "assertive" });
  constructor(
    readonly fields: Field[],
    readonly submit: HTMLButtonElement,
  ) {}

  /** Shows the problems found here (null: none); true when there were any. */
  refuse(problems: [Field, string | null][]): boolean {
    this.fields.forEach((f) => setError(f, null));
    const bad = problems.filter((p): p is [Field, string] => p[1] !== null);
    if (bad.length === 0) {
      replace(this.message);
      return false;
    }
    for (const [f, m] of bad) setError(f, m);
    replace(
      this.message,
      h(
        "div",
        { class: "alert error", role: "alert" },
        h("p", null, "Periksa isian berikut:"),
        h(
          "ul",
          null,
          bad.map(([f, m]) => h("li", null, h("a", { href: `#${f.control.id}` }, m))),
        ),
      ),
    );
    bad[0]![0].control.focus();
    return true;
  }

  /** Sends the change; a refusal shows the server's own message, at its field when it names one. */
  async send<T>(work: () => Promise<T>, done: (result: T) => void): Promise<void> {
    this.submit.disabled = true;
    replace(this.message, loading("Menyimpan…"));
    try {
      const result = await work();
      done(result);
    } catch (e) {
      this.fields.forEach((f) => setError(f, null));
      const at =
        e instanceof ApiError && e.field ? this.fields.find((f) => f.name === e.field) : null;
      replace(this.message, h("div", { class: "alert error", role: "alert" }, errorMessage(e)));
      if (at) {
        setError(at, errorMessage(e));
        at.control.focus();
      }
    } finally {
      this.submit.disabled = false;
    }
  }
}

/** A form card: its fields, the message box, and the submit and cancel actions. */
export function formCard(
  title: string,
  state: FormState,
  cancelHref: string,
  ...rows: Child[]
): HTMLFormElement {
  return h(
    "form",
    { class: "card form registry-form", "aria-labelledby": "form-judul", novalidate: true },
    h("h2", { id: "form-judul" }, title),
    rows,
    state.message,
    h(
      "div",
      { class: "actions" },
      state.submit,
      h("a", { href: cancelHref, class: "button secondary" }, "Batal"),
    ),
  );
}

/** The forms' links on a page (Ubah, Tempatkan, ...), shown only to registry administrators. */
export function editLinks(label: string, links: [string, string][]): HTMLElement | null {
  if (!canEditRegistry() || links.length === 0) return null;
  return h(
    "nav",
    { class: "edit-links", "aria-label": label },
    links.map(([href, text]) => h("a", { href, class: "button secondary" }, text)),
  );
}

/** Every position of an agency in force, in regulation order (read page by page). */
export async function allPositions(agencyId: Id | string): Promise<PositionListItem[]> {
  const out: PositionListItem[] = [];
  for (let page = 0; page < 40; page++) {
    const r = await changes.agencyPositions(agencyId, { limit: 500, offset: out.length });
    out.push(...r.items);
    if (r.items.length === 0 || out.length >= r.total) break;
  }
  return out;
}

/** The units of an agency in force, parents first (the first 500 of its tree, ten levels). */
export async function someUnits(agencyId: Id | string): Promise<Unit[]> {
  return (await changes.agencyUnits(agencyId, { depth: 10, limit: 500 })).items;
}
