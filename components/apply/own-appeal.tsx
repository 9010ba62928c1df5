import Link from "next/link";

import { AddedSections } from "@/components/request/appeal-additions";
import { longDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translator";
import type { ownAppealOf } from "@/lib/server/appeals";

type TOwnAppeal = NonNullable<Awaited<ReturnType<typeof ownAppealOf>>["appeal"]>;

type TProps = {
  requestId: string;
  appeal: TOwnAppeal | null;
  deadline: Date | null;
  /** The requester may appeal the decision now. */
  mayAppeal: boolean;
};

function stateKey(appeal: TOwnAppeal): TMessageKey {
  if (!appeal.outcome) return "own-appeal-pending";
  if (appeal.outcome === "UPHELD") return "own-appeal-upheld";
  return appeal.fromStatus === "WITHDRAWN" ? "own-appeal-overturned-withdrawal" : "own-appeal-overturned-decline";
}

/** The requester's appeal: offered while they may make it, then what they wrote and what came of it. */
export async function OwnAppeal({ requestId, appeal, deadline, mayAppeal }: TProps) {
  const { t, formats } = await getI18n();
  if (!appeal) {
    if (!mayAppeal || !deadline) return null;
    return (
      <section className="panel no-print" aria-labelledby="own-appeal-title">
        <h2 id="own-appeal-title">{t("own-appeal-title")}</h2>
        <p>{t("own-appeal-offer", longDate(deadline, formats))}</p>
        <p>
          <Link href={`/requests/${requestId}/appeal`}>{t("own-appeal-link")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="own-appeal-title">
      <h2 id="own-appeal-title">{t("own-appeal-title")}</h2>
      <p className="notice">{t(stateKey(appeal), longDate(appeal.decidedAt ?? appeal.appealedAt, formats))}</p>
      {appeal.reasons ? (
        <>
          <h3>{t("own-appeal-reasons")}</h3>
          <p className="pre-line" dir="auto">
            {appeal.reasons}
          </p>
        </>
      ) : null}
      <h3>{t("own-appeal-statement")}</h3>
      <p className="pre-line" dir="auto">
        {appeal.statement}
      </p>
      <AddedSections additions={appeal.additions} t={t} />
      {appeal.additionalInformation ? (
        <>
          <h3>{t("own-appeal-additional")}</h3>
          <p className="pre-line" dir="auto">
            {appeal.additionalInformation}
          </p>
        </>
      ) : null}
    </section>
  );
}
