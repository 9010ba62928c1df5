"use client";

import { useFormats, useT } from "@/components/ui/i18n-provider";
import { isRealDate, wholeNumber } from "@/lib/domain/request/fields";
import { APIS } from "@/lib/domain/request/options";
import { estimateValue, type TCostsOn, type TDatedEstimate, type TValueLine, UNIT_COST_LABEL } from "@/lib/domain/in-kind-value";
import type { TFormValues } from "@/lib/form-state";
import { formatMoney, formatNumber, longDate } from "@/lib/i18n/format";
import type { TMessageKey, TTranslate } from "@/lib/i18n/translator";

const FREQUENCY_LABEL = {
  daily: "snapshot-frequency-daily",
  weekly: "snapshot-frequency-weekly",
  twice_monthly: "snapshot-frequency-twice-monthly",
  monthly: "snapshot-frequency-monthly",
} as const;

/** One line of the formula in words: quantity × unit price = amount. */
function lineText(t: TTranslate, formats: string, line: TValueLine) {
  const money = (cents: number) => formatMoney(cents, formats);
  switch (line.kind) {
    case "on_demand_million":
      return t("in-kind-line-on-demand", formatNumber(line.requests, formats), money(line.unitCents), money(line.monthlyCents));
    case "snapshot_download":
      return t(
        "in-kind-line-snapshot",
        formatNumber(line.downloads, formats),
        t(FREQUENCY_LABEL[line.frequency]),
        money(line.unitCents),
        money(line.monthlyCents),
      );
    case "realtime_month":
      return t("in-kind-line-realtime", money(line.monthlyCents));
    case "development_day":
      return t("in-kind-line-development", formatNumber(line.days, formats), money(line.unitCents), money(line.onceCents));
  }
}

/**
 * A grant's estimated in-kind value with its formula, line by line: what each API granted costs a
 * month, the monthly total, and the whole term (custom development counted once). Prices missing
 * for part of the scope are named, and the totals said to leave them out.
 */
export function InKindValue({ estimate, note }: { estimate: TDatedEstimate; note?: TMessageKey }) {
  const t = useT();
  return (
    <section className="panel in-kind-value" aria-labelledby="in-kind-value-title" data-testid="in-kind-value">
      <h3 id="in-kind-value-title">{t("in-kind-title")}</h3>
      <Estimate estimate={estimate} note={note} />
    </section>
  );
}

/** The estimate as a row of a decision's summary, its label the row's term. */
export function InKindValueRow({ estimate, label }: { estimate: TDatedEstimate; label: string }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd className="in-kind-value" data-testid="in-kind-value">
        <Estimate estimate={estimate} />
      </dd>
    </div>
  );
}

function Estimate({ estimate, note }: { estimate: TDatedEstimate; note?: TMessageKey }) {
  const t = useT();
  const formats = useFormats();
  const money = (cents: number) => formatMoney(cents, formats);
  const development = estimate.lines.find((line) => line.kind === "development_day");
  const months = formatNumber(estimate.months, formats);
  return (
    <>
      {estimate.lines.length === 0 && estimate.missing.length === 0 ? (
        <p>{t("in-kind-nothing")}</p>
      ) : (
        <>
          <ul className="in-kind-value__lines">
            {estimate.lines.map((line) => (
              <li key={line.kind}>{lineText(t, formats, line)}</li>
            ))}
          </ul>
          {estimate.missing.length > 0 ? (
            <p className="notice notice--warning">{t("in-kind-missing", estimate.missing.map((kind) => t(UNIT_COST_LABEL[kind])).join(", "))}</p>
          ) : null}
          <dl className="in-kind-value__totals">
            <div>
              <dt>{t("in-kind-monthly")}</dt>
              <dd>{money(estimate.monthlyCents)}</dd>
            </div>
            <div>
              <dt>{t("in-kind-term")}</dt>
              <dd>
                {development && development.kind === "development_day"
                  ? t("in-kind-term-with-development", money(estimate.monthlyCents), months, money(development.onceCents), money(estimate.termCents))
                  : t("in-kind-term-value", money(estimate.monthlyCents), months, money(estimate.termCents))}
              </dd>
            </div>
          </dl>
        </>
      )}
      {note ? <p className="hint">{t(note)}</p> : null}
      <p className="hint">{t("in-kind-prices-of", longDate(estimate.pricesOn, formats))}</p>
    </>
  );
}

/** A posted value, or a list's first: what the form sent for one field. */
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const listOf = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const ON_DEMAND = wholeNumber(Number.MAX_SAFE_INTEGER);

export type TGrantPreviewDefaults = { apis: string[]; startsOn: string; expiresOn: string; onDemandPerMonth?: string };
/** Today's prices and the request's custom development estimate, from the server. */
export type TGrantPreviewPrices = { costs: TCostsOn; day: string; developmentDays: number | null };

/**
 * The estimate of the grant being decided, at today's prices: from the scope the requester asked
 * for, or from what the reviewer last sent (after a refused or checked submit). A date sent that
 * is not a date counts as the one the form started with.
 */
export function GrantValuePreview({ prices, values, defaults }: { prices: TGrantPreviewPrices; values?: TFormValues; defaults: TGrantPreviewDefaults }) {
  const read = (name: "startsOn" | "expiresOn" | "onDemandPerMonth") => (values ? first(values[name]) : (defaults[name] ?? ""));
  const apis = (values ? listOf(values.apis) : defaults.apis).filter((api) => (APIS as readonly string[]).includes(api));
  const onDemand = ON_DEMAND.safeParse(read("onDemandPerMonth"));
  const day = (name: "startsOn" | "expiresOn") => (isRealDate(read(name)) ? read(name) : defaults[name]);
  const [startsOn, expiresOn] = [day("startsOn"), day("expiresOn")];
  const snapshotFrequency = values ? first(values.snapshotFrequency) : "";
  const estimate = estimateValue(
    {
      apis,
      onDemandPerMonth: onDemand.success ? onDemand.data : undefined,
      snapshotFrequency,
      realtime: apis.includes("realtime"),
      startsOn,
      // An expiry before the start values no term, as the form will say.
      expiresOn: [startsOn, expiresOn].sort()[1] ?? startsOn,
      developmentDays: prices.developmentDays,
    },
    prices.costs,
  );
  const unvalued = apis.includes("snapshot") && !snapshotFrequency;
  return <InKindValue estimate={{ ...estimate, pricesOn: prices.day }} note={unvalued ? "in-kind-snapshot-unvalued" : undefined} />;
}
