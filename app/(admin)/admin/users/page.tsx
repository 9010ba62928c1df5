import type { Metadata } from "next";

import { RoleForm } from "@/components/admin/role-form";
import { canAdminister, ROLES, type TRole } from "@/lib/domain/roles";
import { firstValues, searchText } from "@/lib/domain/search-params";
import { ROLE_LABEL } from "@/lib/i18n/labels";
import { Pagination } from "@/components/ui/pagination";
import { getI18n } from "@/lib/i18n/server";
import { fullTitle } from "@/lib/i18n/title";
import { requireRole } from "@/lib/server/session";
import { listUsers, recentRoleChanges } from "@/lib/server/users";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: fullTitle(t, t("admin-users-title")) };
}

type Search = Record<string, string | string[] | undefined>;

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireRole("/admin/users", canAdminister);
  const [{ t, formats }, raw] = await Promise.all([getI18n(), searchParams]);
  const params = firstValues(raw);
  const query = searchText(200).parse(params.q);
  const role = ROLES.find((candidate) => candidate === params.role);
  const [{ users, next }, changes] = await Promise.all([listUsers(viewer, { after: params.after, query, role }), recentRoleChanges(viewer)]);
  const dates = new Intl.DateTimeFormat(formats, { dateStyle: "medium" });
  const times = new Intl.DateTimeFormat(formats, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="page">
      <h1>{t("admin-users-title")}</h1>
      <p className="lead">{t("admin-users-intro")}</p>

      {/* biome-ignore lint/a11y/useSemanticElements: a form as the search landmark, which every screen reader knows; <search> is too new */}
      <form className="filters" method="get" role="search" aria-label={t("admin-users-filter-label")}>
        <div className="field">
          <label className="label" htmlFor="q">
            {t("admin-users-search")}
          </label>
          <input className="input" id="q" name="q" type="search" defaultValue={query ?? ""} />
        </div>
        <div className="field">
          <label className="label" htmlFor="role-filter">
            {t("admin-users-role-filter")}
          </label>
          <select className="select" id="role-filter" name="role" defaultValue={role ?? ""}>
            <option value="">{t("admin-users-role-any")}</option>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {t(ROLE_LABEL[option])}
              </option>
            ))}
          </select>
        </div>
        <button className="button" type="submit">
          {t("admin-users-filter-submit")}
        </button>
      </form>

      <div className="table-wrap">
        <table className="table">
          <caption>{t("admin-users-caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin-users-col-person")}</th>
              <th scope="col">{t("admin-users-col-joined")}</th>
              <th scope="col">{t("admin-users-col-role")}</th>
            </tr>
          </thead>
          <tbody>
            {users.length === 0 ? (
              <tr>
                <td colSpan={3}>{t("admin-users-none")}</td>
              </tr>
            ) : (
              users.map((user) => {
                const label = user.name ?? user.email ?? user.id;
                return (
                  <tr key={user.id}>
                    <td>
                      <strong>{label}</strong>
                      {user.name && user.email ? <div className="hint">{user.email}</div> : null}
                    </td>
                    <td>{dates.format(user.createdAt)}</td>
                    <td>
                      <RoleForm userId={user.id} role={user.role} personLabel={label} disabled={user.id === viewer.id} />
                      {user.id === viewer.id ? <p className="hint">{t("admin-users-self-hint")}</p> : null}
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      <Pagination firstHref={params.after ? pageLink({ q: query, role }) : undefined} nextHref={next ? pageLink({ q: query, role, after: next }) : undefined} />

      <h2 id="role-history">{t("admin-users-history-title")}</h2>
      {changes.length === 0 ? (
        <p>{t("admin-users-history-none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="role-history">
            <thead>
              <tr>
                <th scope="col">{t("admin-users-history-when")}</th>
                <th scope="col">{t("admin-users-history-who")}</th>
                <th scope="col">{t("admin-users-history-person")}</th>
                <th scope="col">{t("admin-users-history-change")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.id}>
                  <td>{times.format(change.at)}</td>
                  <td>{change.actor || t("admin-users-history-system", change.note ?? "")}</td>
                  <td>{change.subject}</td>
                  <td>{t("admin-users-history-from-to", t(ROLE_LABEL[change.before]), t(ROLE_LABEL[change.after]))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function pageLink(params: { q?: string; role?: TRole; after?: string }) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}
