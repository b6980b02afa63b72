import "./styles.css";
import { h, replace } from "./dom";
import { roleCanAdminister, roleLabel } from "./format";
import { parseRoute, paths, type Route } from "./router";
import { loadSession, onSessionChange, signOut, user } from "./session";
import { errorBox, loading } from "./ui";
import type { PageContext } from "./pages/context";
import { homePage, regionPage } from "./pages/regions";
import { agencyPage } from "./pages/agency";
import { positionPage } from "./pages/position";
import { employeePage, employeesPage } from "./pages/people";
import { regulationPage } from "./pages/regulation";
import { loginPage } from "./pages/login";
import { accountsPage, auditPage, uploadPage } from "./pages/admin";
import { accountPage } from "./pages/account";
import { profilePage } from "./pages/profile"; // issue 11, item 10
import { notFoundPage } from "./pages/notfound";
// Registry changes from the web (issue 11, item 2).
import { positionEditPage } from "./pages/position_form";
import { unitEditPage } from "./pages/unit_form";
import { employeeEditPage, employeeNewPage } from "./pages/employee_form";
import { placementEndPage, placementMovePage, placementNewPage } from "./pages/placement_form";
import { unitPage } from "./pages/unit"; // issue 11
import { teamPage, workRulesPage } from "./pages/work"; // issue 12
import { peopleImportPage } from "./pages/people_import"; // issue 11, item 9
import { letterPage } from "./pages/letter"; // issue 12 item 6
import { verificationPage } from "./pages/verification"; // issue 12 item 6
import { assignmentNewPage, myWorkPage } from "./pages/assignments"; // issue 12 item 3
import { assignmentPage } from "./pages/assignment"; // issue 12 item 3
import { activityNewPage, activityPage } from "./pages/activity"; // issue 12 item 4
import { reportNewPage } from "./pages/report_form"; // issue 12 item 5
import { reportPage } from "./pages/report_page";
import { letterNewPage, letterSchemePage } from "./pages/letter_forms"; // issue 12 item 6, web
import { holidaysPage } from "./pages/holidays"; // issue 12 item 3: the holiday calendar

const pages: Record<Route["name"], (ctx: PageContext) => Promise<void>> = {
  home: homePage,
  region: regionPage,
  agency: agencyPage,
  position: positionPage,
  employees: employeesPage,
  employee: employeePage,
  regulation: regulationPage,
  login: loginPage,
  upload: uploadPage,
  audit: auditPage,
  account: accountPage,
  profile: profilePage,
  accounts: accountsPage,
  unit: unitPage, // issue 11
  notFound: notFoundPage,
  // Registry changes from the web (issue 11, item 2).
  positionEdit: positionEditPage,
  unitEdit: unitEditPage,
  employeeNew: employeeNewPage,
  employeeEdit: employeeEditPage,
  placementNew: placementNewPage,
  placementEnd: placementEndPage,
  placementMove: placementMovePage,
  workRules: workRulesPage, // issue 12
  team: teamPage,
  peopleImport: peopleImportPage, // issue 11, item 9
  letter: letterPage, // issue 12 item 6
  verification: verificationPage,
  // Issue 12 item 3: assignments and the inbox.
  myWork: myWorkPage,
  assignment: assignmentPage,
  assignmentNew: assignmentNewPage,
  // Issue 12 item 4: activities.
  activity: activityPage,
  activityNew: activityNewPage,
  // Issue 12 item 5: accountability.
  report: reportPage,
  reportNew: reportNewPage,
  // Issue 12 item 6 on the web: issuing a letter, and an agency's letter numbering.
  letterNew: letterNewPage,
  letterScheme: letterSchemePage,
  // Issue 12 item 3: the holiday calendar.
  holidays: holidaysPage,
};

const app = document.getElementById("app")!;
const headerUser = h("div", { class: "user-box" });
const nav = h("ul", { class: "nav-links" });
const main = h("main", { id: "isi", tabindex: -1 });
const live = h("div", { class: "visually-hidden", "aria-live": "polite", role: "status" });

replace(
  app,
  h("a", { href: "#isi", class: "skip-link" }, "Langsung ke isi"),
  h(
    "header",
    { class: "site-header" },
    h(
      "div",
      { class: "header-inner" },
      h("a", { href: "/", class: "brand" }, "Tatakerja"),
      h("nav", { "aria-label": "Menu utama" }, nav),
      headerUser,
    ),
  ),
  main,
  h(
    "footer",
    { class: "site-footer" },
    h(
      "p",
      null,
      "Tatakerja — organisasi dan tata kerja pemerintah daerah dari naskah peraturannya.",
    ),
  ),
  live,
);

function renderHeader(route: Route | null): void {
  const u = user();
  const items: [string, string, Route["name"][]][] = [
    [
      "Beranda",
      paths.home(),
      ["home", "region", "agency", "position", "regulation", "workRules", "team", "letterScheme"],
    ],
    ["Pegawai", paths.employees(), ["employees", "employee"]],
  ];
  if (u && roleCanAdminister(u.role)) {
    items.push(["Unggah Peraturan", paths.upload(), ["upload"]]);
    items.push(["Audit", paths.audit(), ["audit"]]);
  }
  if (u?.role === "administrator") {
    items.push(["Akun", paths.accounts(), ["accounts"]]);
    items.push(["Hari libur", paths.holidays(), ["holidays"]]);
  }
  if (u?.employee_id != null) items.push(["Profil saya", paths.profile(), ["profile"]]);
  // Issue 12 item 3: assignments and the inbox.
  if (u)
    items.push([
      "Pekerjaan saya",
      paths.myWork(),
      [
        "myWork",
        "assignment",
        "assignmentNew",
        "activity",
        "activityNew",
        "report",
        "reportNew",
        "letterNew",
      ],
    ]);
  if (u) items.push(["Akun saya", paths.account(), ["account"]]);
  replace(
    nav,
    items.map(([label, href, names]) =>
      h(
        "li",
        null,
        h(
          "a",
          {
            href,
            "aria-current": route && names.includes(route.name) ? "page" : null,
          },
          label,
        ),
      ),
    ),
  );
  if (u) {
    replace(
      headerUser,
      h(
        "span",
        { class: "user-name" },
        u.display_name || u.username,
        h("span", { class: "user-role" }, roleLabel(u.role)),
      ),
      h("button", { type: "button", class: "button secondary", onclick: onSignOut }, "Keluar"),
    );
  } else {
    const here = location.pathname + location.search;
    replace(
      headerUser,
      h(
        "a",
        { href: route?.name === "login" ? paths.login() : paths.login(here), class: "button" },
        "Masuk",
      ),
    );
  }
}

async function onSignOut(): Promise<void> {
  await signOut().catch(() => undefined);
  live.textContent = "Anda sudah keluar.";
  navigate(paths.home());
}

let currentRoute: Route | null = null;
let controller: AbortController | null = null;
let firstRender = true;

async function render(): Promise<void> {
  const route = parseRoute(location.pathname, location.search);
  currentRoute = route;
  controller?.abort();
  const ctl = new AbortController();
  controller = ctl;
  renderHeader(route);
  replace(main, loading());
  const ctx: PageContext = {
    route,
    main,
    signal: ctl.signal,
    navigate,
    isCurrent: () => controller === ctl,
  };
  try {
    await pages[route.name](ctx);
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") return;
    if (controller !== ctl) return;
    replace(main, errorBox(e));
    document.title = "Kesalahan — Tatakerja";
  }
  if (controller !== ctl) return;
  if (!firstRender) {
    const h1 = main.querySelector("h1");
    (h1 ?? main).focus({ preventScroll: true });
  }
  firstRender = false;
}

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  window.scrollTo(0, 0);
  void render();
}

// Links within the site are followed without reloading the page.
document.addEventListener("click", (ev) => {
  if (
    ev.defaultPrevented ||
    ev.button !== 0 ||
    ev.metaKey ||
    ev.ctrlKey ||
    ev.shiftKey ||
    ev.altKey
  )
    return;
  const a = (ev.target as Element | null)?.closest?.("a");
  if (!a || !(a instanceof HTMLAnchorElement)) return;
  if (a.target || a.hasAttribute("download") || a.origin !== location.origin) return;
  if (a.pathname.startsWith("/api/")) return;
  const href = a.getAttribute("href") ?? "";
  if (href.startsWith("#")) return;
  ev.preventDefault();
  if (a.pathname + a.search === location.pathname + location.search && !a.hash) {
    void render();
    return;
  }
  navigate(a.pathname + a.search + a.hash);
});

window.addEventListener("popstate", () => void render());
onSessionChange(() => renderHeader(currentRoute));

void loadSession().finally(() => void render());
