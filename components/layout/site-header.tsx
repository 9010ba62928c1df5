import Link from "next/link";

import { canAdminister, canReview, type TRole } from "@/lib/domain/roles";
import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";
import { getViewer } from "@/lib/server/session";

import { AccountMenu } from "./account-menu";
import { NavLink } from "./nav-link";
import { RoleLabel } from "./role-label";

type TNavItem = { href: string; label: TMessageKey; except?: string[] };

/**
 * The pages a signed-in person's role works from, in the order the header lists them; the admin
 * pages in a menu of their own, so the header stays on one line however many there are.
 */
function navFor(role: TRole): { links: TNavItem[]; admin: TNavItem[] } {
  const everyone: TNavItem[] = [{ href: "/requests", label: "nav-my-requests" }];
  const reviewers: TNavItem[] = [
    { href: "/review", label: "nav-review", except: ["/review/dashboard"] },
    { href: "/review/dashboard", label: "nav-dashboard" },
  ];
  const admins: TNavItem[] = [
    { href: "/admin/users", label: "nav-admin" },
    { href: "/admin/emails", label: "nav-admin-emails" },
    { href: "/admin/webhooks", label: "nav-admin-webhooks" },
    { href: "/admin/tokens", label: "nav-admin-tokens" },
    { href: "/admin/costs", label: "nav-admin-costs" },
    { href: "/admin/approvals", label: "nav-admin-approvals" },
    { href: "/admin/conflicts", label: "nav-admin-conflicts" },
    { href: "/admin/targets", label: "nav-admin-targets" },
    { href: "/admin/imports", label: "nav-admin-imports" },
  ];
  return { links: [...everyone, ...(canReview(role) ? reviewers : [])], admin: canAdminister(role) ? admins : [] };
}

export async function SiteHeader({ signOutAction }: { signOutAction: () => Promise<void> }) {
  const [{ t, byArea }, viewer] = await Promise.all([getI18n(), getViewer()]);
  // A language for requester pages only: reviewer and admin pages are in another one, and the
  // header (rendered once by the root layout) must follow, so those links load whole pages.
  const reload = byArea.requester !== byArea.staff;
  const Home = reload ? "a" : Link;
  const nav = viewer ? navFor(viewer.role) : { links: [], admin: [] };
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Home className="site-header__title" href="/">
          {t("app-name")}
        </Home>
        <nav aria-label={t("nav-label")}>
          <ul className="site-nav">
            {viewer && nav ? (
              <>
                {nav.links.map((item) => (
                  <li key={item.href}>
                    <NavLink href={item.href} reloadDocument={reload} except={item.except}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
                {nav.admin.length > 0 ? (
                  <li>
                    <AccountMenu summary={t("nav-admin-menu")}>
                      <ul className="menu-links">
                        {nav.admin.map((item) => (
                          <li key={item.href}>
                            <NavLink href={item.href} reloadDocument={reload} except={item.except}>
                              {t(item.label)}
                            </NavLink>
                          </li>
                        ))}
                      </ul>
                    </AccountMenu>
                  </li>
                ) : null}
                <li>
                  <AccountMenu summary={t("account-menu")}>
                    <p className="account-menu__who">
                      {t("account-menu-signed-in-as")} <bdi>{viewer.name ?? viewer.email}</bdi>
                      {viewer.name && viewer.email ? (
                        <span className="account-menu__email">
                          <bdi>{viewer.email}</bdi>
                        </span>
                      ) : null}
                      <span className="account-menu__role">
                        <RoleLabel role={viewer.role} />
                      </span>
                    </p>
                    <p>
                      <NavLink href="/account" reloadDocument={reload}>
                        {t("nav-account")}
                      </NavLink>
                    </p>
                    <form action={signOutAction}>
                      <button className="button" type="submit">
                        {t("nav-sign-out")}
                      </button>
                    </form>
                  </AccountMenu>
                </li>
              </>
            ) : (
              <li>
                <Link href="/signin">{t("nav-sign-in")}</Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
