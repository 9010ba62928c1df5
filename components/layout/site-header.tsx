import Link from "next/link";

import { signOutAction } from "@/app/(public)/signin/actions";
import { canAdminister, canReview } from "@/lib/domain/roles";
import { getI18n } from "@/lib/i18n/server";
import { getViewer } from "@/lib/server/session";

import { NavLink } from "./nav-link";
import { RoleLabel } from "./role-label";

export async function SiteHeader() {
  const [{ t }, viewer] = await Promise.all([getI18n(), getViewer()]);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link className="site-header__title" href="/">
          {t("app-name")}
        </Link>
        <nav aria-label={t("nav-label")}>
          <ul className="site-nav">
            {viewer ? (
              <>
                <li>
                  <NavLink href="/requests">{t("nav-my-requests")}</NavLink>
                </li>
                <li>
                  <NavLink href="/account">{t("nav-account")}</NavLink>
                </li>
                {canReview(viewer.role) ? (
                  <li>
                    <NavLink href="/review" except={["/review/dashboard"]}>
                      {t("nav-review")}
                    </NavLink>
                  </li>
                ) : null}
                {canReview(viewer.role) ? (
                  <li>
                    <NavLink href="/review/dashboard">{t("nav-dashboard")}</NavLink>
                  </li>
                ) : null}
                {canAdminister(viewer.role) ? (
                  <>
                    <li>
                      <NavLink href="/admin/users">{t("nav-admin")}</NavLink>
                    </li>
                    <li>
                      <NavLink href="/admin/emails">{t("nav-admin-emails")}</NavLink>
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
