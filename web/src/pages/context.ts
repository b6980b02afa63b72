import type { Route } from "../router";

export interface PageContext {
  route: Route;
  main: HTMLElement;
  signal: AbortSignal;
  navigate: (path: string, opts?: { replace?: boolean }) => void;
  /** False once the user has moved on to another page (late answers are then dropped). */
  isCurrent: () => boolean;
}

/** Narrows the context to one route kind. */
export function routeOf<N extends Route["name"]>(
  ctx: PageContext,
  name: N,
): Extract<Route, { name: N }> {
  if (ctx.route.name !== name) throw new Error(`route ${ctx.route.name} is not ${name}`);
  return ctx.route as Extract<Route, { name: N }>;
}
