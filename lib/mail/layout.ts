/** Escapes text for HTML email bodies; every value placed in a template goes through it. */
export function escapeHtml(value: string) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

type TEmailParts = {
  lang: string;
  dir: "ltr" | "rtl";
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
  /**
   * A word the HTML part keeps on one line, such as a request's reference (EA-2026-0047), which
   * would otherwise wrap at its hyphens; the texts hold `mark` where the word goes.
   */
  unbroken?: { mark: string; word: string };
};

/** Characters no text around them contains, to stand for an unbroken word until the email is rendered. */
export function markNotIn(texts: string[]) {
  let mark = "\uE000";
  while (texts.some((text) => text.includes(mark))) mark += "\uE000";
  return mark;
}

/** The shared frame of every email: a plain-text part and a simple, accessible HTML part. */
export function renderEmail({ lang, dir, heading: rawHeading, paragraphs: rawParagraphs, action, footer: rawFooter, unbroken }: TEmailParts) {
  const plain = (value: string) => (unbroken ? value.replaceAll(unbroken.mark, unbroken.word) : value);
  const htmlText = (value: string) =>
    unbroken ? escapeHtml(value).replaceAll(unbroken.mark, `<span style="white-space:nowrap">${escapeHtml(unbroken.word)}</span>`) : escapeHtml(value);
  const [heading, footer] = [plain(rawHeading), plain(rawFooter)];
  const paragraphs = rawParagraphs.map(plain);
  const text = [heading, "", ...paragraphs.flatMap((p) => [p, ""]), ...(action ? [`${action.label}: ${action.url}`, ""] : []), "--", footer].join("\n");
  const html = `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head>
<body style="margin:0;padding:24px;background:#f8f9fa;font-family:-apple-system,'Segoe UI',Roboto,Lato,Helvetica,Arial,sans-serif;color:#202122;line-height:1.6">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #c8ccd1;border-radius:2px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${htmlText(rawHeading)}</h1>
${rawParagraphs.map((p) => `<p style="margin:0 0 16px">${htmlText(p)}</p>`).join("\n")}
${
  action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#36c;color:#fff;padding:10px 16px;border-radius:2px;text-decoration:none;font-weight:bold">${escapeHtml(action.label)}</a></p>
<p dir="ltr" style="margin:0 0 16px;font-size:14px;word-break:break-all">${escapeHtml(action.url)}</p>`
    : ""
}
<p style="margin:24px 0 0;font-size:14px;color:#54595d">${htmlText(rawFooter)}</p>
</div></body></html>`;
  return { text, html };
}
