import type { ReactNode } from "react";

import { longDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

type TQuestion = { id: string; question: string; replyBy: Date; createdAt: Date; answer: string | null; answeredAt: Date | null; lapsedAt: Date | null };

type Props = {
  questions: TQuestion[];
  /** How the answer is introduced, for the requester ("You answered on …") or for reviewers. */
  answeredLabel: (answeredAt: Date) => string;
  /** Shown under the question that is still open (the requester's answer form). */
  open?: (question: TQuestion) => ReactNode;
};

/** The reviewers' questions on a request, oldest first, with their answers or their lapse. */
export async function QuestionList({ questions, answeredLabel, open }: Props) {
  const { t, formats } = await getI18n();
  if (questions.length === 0) return null;
  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">{t("request-questions-title")}</h2>
      {questions.map((question) => (
        <div className="panel" key={question.id}>
          <p className="hint">
            {t(
              question.answeredAt || question.lapsedAt ? "request-question-asked" : "request-question-open",
              longDate(question.createdAt, formats),
              longDate(question.replyBy, formats),
            )}
          </p>
          <p className="pre-line" dir="auto">
            {question.question}
          </p>
          {question.answeredAt ? (
            <>
              <p className="hint">{answeredLabel(question.answeredAt)}</p>
              <p className="pre-line" dir="auto">
                {question.answer}
              </p>
            </>
          ) : null}
          {question.lapsedAt ? <p>{t("request-question-lapsed", longDate(question.replyBy, formats))}</p> : null}
          {!question.answeredAt && !question.lapsedAt ? open?.(question) : null}
        </div>
      ))}
    </section>
  );
}
