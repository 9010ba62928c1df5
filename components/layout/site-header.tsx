import Link from "next/link";

import { canAdminister, canReview } from "@/lib/domain/roles";
import { getI18n } from "@/lib/i18n/server";
import { getViewer } from "@/lib/server/session";

import { NavLink } from "./nav-link";
import { RoleLabel } from "./role-label";

export async function SiteHeader({ signOutAction }: { signOutAction: () => Promise<void> }) {
  const [{ t, byArea }, viewer] = await Promise.all([getI18n(), getViewer()]);
  // A language for requester pages only: reviewer and admin pages are in another one, and the
  // header (rendered once by the root layout) must follow, so those links load whole pages.
  const reload = byArea.requester !== byArea.staff;
  const Home = reload ? "a" : Link;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Home className="site-header__title" href="/">
          {t("app-name")}
        </Home>
        <nav aria-label={t("nav-label")}>
          <ul className="site-nav">
            {viewer ? (
              <>
                <li>
                  <NavLink href="/requests" reloadDocument={reload}>
                    {t("nav-my-requests")}
                  </NavLink>
                </li>
                <li>
                  <NavLink href="/account" reloadDocument={reload}>
                    {t("nav-account")}
                  </NavLink>
                </li>
                {canReview(viewer.role) ? (
                  <li>
                    <NavLink href="/review" reloadDocument={reload} except={["/review/dashboard"]}>
                      {t("nav-review")}
                    </NavLink>
                  </li>
                ) : null}
                {canReview(viewer.role) ? (
                  <li>
                    <NavLink href="/review/dashboard" reloadDocument={reload}>
                      {t("nav-dashboard")}
                    </NavLink>
                  </li>
                ) : null}
                {canAdminister(viewer.role) ? (
                  <>
                    <li>
                      <NavLink href="/admin/users" reloadDocument={reload}>
                        {t("nav-admin")}
                      </NavLink>
                    </li>
                    <li>
                      <NavLink href="/admin/emails" reloadDocument={reload}>
                        {t("nav-admin-emails")}
                      </NavLink>
                    </li>
                  </>
                ) : null}
                <li className="site-nav__who">
                  <bdi>{viewer.email}</bdi> (<RoleLabel role={viewer.role} />)
                </li>
                <li>
                  <form action={signOutAction}>
                    <button className="button button--quiet" type="submit">
                      {t("nav-sign-out")}
                    </button>
                  </form>
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
