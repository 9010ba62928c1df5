import { RoleForm } from "@/components/admin/role-form";
import { PageHeading } from "@/components/ui/page-heading";
import { cellLabel, Table } from "@/components/ui/table";

import { changeRoleAction } from "./actions";
import { canAdminister, ROLES, type TRole } from "@/lib/domain/roles";
import { readSearch, searchText, type TPageSearch } from "@/lib/domain/search-params";
import { ROLE_LABEL } from "@/lib/i18n/labels";
import { SelectField, TextField } from "@/components/ui/fields";
import { Pagination } from "@/components/ui/pagination";
import { shortDate, shortDateTime } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { requireRole } from "@/lib/server/session";
import { listUsers, recentRoleChanges } from "@/lib/server/users";
import { ClientMessages } from "@/components/ui/client-messages";
import { ADMIN_MESSAGES } from "@/lib/i18n/client-messages";

export const generateMetadata = titledBy("admin-users-title");

export default async function AdminUsersPage({ searchParams }: TPageSearch) {
  const viewer = await requireRole("/admin/users", canAdminister);
  const [{ t, formats }, params] = await Promise.all([getI18n(), readSearch(searchParams)]);
  const query = searchText(200).parse(params.q);
  const role = ROLES.find((candidate) => candidate === params.role);
  const [{ users, next }, changes] = await Promise.all([listUsers(viewer, { after: params.after, query, role }), recentRoleChanges(viewer)]);
  const columns = [t("admin-users-col-person"), t("admin-users-col-joined"), t("admin-users-col-role")] as const;
  const historyColumns = [
    t("admin-users-history-when"),
    t("admin-users-history-who"),
    t("admin-users-history-person"),
    t("admin-users-history-change"),
  ] as const;

  return (
    <ClientMessages set={ADMIN_MESSAGES.users}>
      <div className="page">
        <PageHeading title="admin-users-title" lead="admin-users-intro" />

        {/* biome-ignore lint/a11y/useSemanticElements: a form as the search landmark, which every screen reader knows; <search> is too new */}
        <form className="filters" method="get" role="search" aria-label={t("admin-users-filter-label")}>
          <TextField id="q" type="search" label={t("admin-users-search")} defaultValue={query ?? ""} />
          <SelectField
            id="role-filter"
            name="role"
            label={t("admin-users-role-filter")}
            placeholder={t("admin-users-role-any")}
            options={ROLES.map((option) => ({ value: option, label: t(ROLE_LABEL[option]) }))}
            defaultValue={role ?? ""}
          />
          <button className="button" type="submit">
            {t("admin-users-filter-submit")}
          </button>
        </form>

        <Table stacked caption={t("admin-users-caption")} columns={columns} empty={users.length === 0 ? t("admin-users-none") : undefined}>
          {users.map((user) => {
            const label = user.name ?? user.email ?? user.id;
            return (
              <tr key={user.id}>
                <td {...cellLabel(columns[0])}>
                  <strong>{label}</strong>
                  {user.name && user.email ? <div className="hint">{user.email}</div> : null}
                </td>
                <td {...cellLabel(columns[1])}>{shortDate(user.createdAt, formats)}</td>
                <td {...cellLabel(columns[2])}>
                  <RoleForm action={changeRoleAction} userId={user.id} role={user.role} personLabel={label} disabled={user.id === viewer.id} />
                  {user.id === viewer.id ? <p className="hint">{t("admin-users-self-hint")}</p> : null}
                </td>
              </tr>
            );
          })}
        </Table>
        <Pagination
          firstHref={params.after ? pageLink({ q: query, role }) : undefined}
          nextHref={next ? pageLink({ q: query, role, after: next }) : undefined}
        />

        <h2 id="role-history">{t("admin-users-history-title")}</h2>
        {changes.length === 0 ? (
          <p>{t("admin-users-history-none")}</p>
        ) : (
          <Table stacked labelledBy="role-history" columns={historyColumns}>
            {changes.map((change) => (
              <tr key={change.id}>
                <td {...cellLabel(historyColumns[0])}>{shortDateTime(change.at, formats)}</td>
                <td {...cellLabel(historyColumns[1])}>{change.actor || t("admin-users-history-system", change.note ?? "")}</td>
                <td {...cellLabel(historyColumns[2])}>{change.subject}</td>
                <td {...cellLabel(historyColumns[3])}>{t("admin-users-history-from-to", t(ROLE_LABEL[change.before]), t(ROLE_LABEL[change.after]))}</td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </ClientMessages>
  );
}

function pageLink(params: { q?: string; role?: TRole; after?: string }) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}
