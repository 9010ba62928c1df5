import Link from "next/link";

import { ApiTokenForm } from "@/components/admin/api-token-form";
import { RevokeTokenForm } from "@/components/admin/revoke-token-form";
import { Done } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { cellLabel, Table } from "@/components/ui/table";
import { isRecordId } from "@/lib/domain/request/fields";
import { canAdminister } from "@/lib/domain/roles";
import { readSearch, type TPageSearch } from "@/lib/domain/search-params";
import { shortDateTime } from "@/lib/i18n/format";
import { getI18n, titledBy } from "@/lib/i18n/server";
import { findApiToken, listApiTokens } from "@/lib/server/admin/api-tokens";
import { requireRole } from "@/lib/server/session";

import { createApiTokenAction, revokeApiTokenAction } from "./actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { ADMIN_MESSAGES } from "@/lib/i18n/client-messages";

export const generateMetadata = titledBy("admin-tokens-title");

export default async function AdminTokensPage({ searchParams }: TPageSearch) {
  const viewer = await requireRole("/admin/tokens", canAdminister);
  const [{ t, formats }, params] = await Promise.all([getI18n(), readSearch(searchParams)]);

  // Revoking is confirmed on a page of its own, which works without JavaScript.
  const revoking = isRecordId(params.revoke) ? await findApiToken(viewer, params.revoke) : null;
  if (revoking && !revoking.revokedAt) {
    return (
      <div className="page narrow">
        <h1>{t("admin-tokens-revoke-title", revoking.name)}</h1>
        <p className="lead">{t("admin-tokens-revoke-lead")}</p>
        <ClientMessages set={ADMIN_MESSAGES.tokens}>
          <RevokeTokenForm action={revokeApiTokenAction} tokenId={revoking.id} />
        </ClientMessages>
        <p className="button-group">
          <Link href="/admin/tokens">{t("admin-tokens-revoke-keep")}</Link>
        </p>
      </div>
    );
  }

  const tokens = await listApiTokens(viewer);
  const columns = [
    t("admin-tokens-col-name"),
    t("admin-tokens-col-prefix"),
    t("admin-tokens-col-created"),
    t("admin-tokens-col-used"),
    t("admin-tokens-col-revoked"),
  ] as const;
  const whenBy = (at: Date, person: string | null) => t("admin-tokens-when-by", shortDateTime(at, formats), person ?? t("admin-tokens-removed-person"));

  return (
    <ClientMessages set={ADMIN_MESSAGES.tokens}>
      <div className="page">
        <PageHeading title="admin-tokens-title" lead="admin-tokens-intro" />
        {params.revoked ? <Done>{t(params.revoked === "already" ? "admin-tokens-already-revoked" : "admin-tokens-revoked")}</Done> : null}
        <p>
          <a href="/api/v1/openapi.json">{t("admin-tokens-docs")}</a>
        </p>

        <h2>{t("admin-tokens-create-title")}</h2>
        <ApiTokenForm action={createApiTokenAction} />

        <h2 id="tokens">{t("admin-tokens-list-title")}</h2>
        <Table stacked labelledBy="tokens" columns={columns} empty={tokens.length === 0 ? t("admin-tokens-none") : undefined}>
          {tokens.map((token) => (
            <tr key={token.id}>
              <td {...cellLabel(columns[0])}>
                <bdi>{token.name}</bdi>
              </td>
              <td {...cellLabel(columns[1])}>
                <code>{token.prefix}…</code>
              </td>
              <td {...cellLabel(columns[2])}>{whenBy(token.createdAt, token.createdBy)}</td>
              <td {...cellLabel(columns[3])}>{token.lastUsedAt ? shortDateTime(token.lastUsedAt, formats) : t("admin-tokens-never")}</td>
              <td {...cellLabel(columns[4])}>
                {token.revokedAt ? (
                  whenBy(token.revokedAt, token.revokedBy)
                ) : (
                  <Link className="button" href={`/admin/tokens?revoke=${token.id}`}>
                    {t("admin-tokens-revoke")}
                    <span className="visually-hidden"> {token.name}</span>
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </Table>
      </div>
    </ClientMessages>
  );
}
