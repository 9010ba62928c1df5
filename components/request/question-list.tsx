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
  /** For reviewers: the list as part of the conversation, newest first, under its own heading. */
  conversation?: { title: string };
};

/** The reviewers' questions on a request, oldest first (newest first in a conversation), with their answers or their lapse. */
export async function QuestionList({ questions, answeredLabel, open, conversation }: Props) {
  const { t, formats } = await getI18n();
  if (questions.length === 0 && !conversation) return null;
  const Heading = conversation ? "h3" : "h2";
  return (
    <section aria-labelledby="questions-title">
      <Heading id="questions-title">{conversation?.title ?? t("request-questions-title")}</Heading>
      {(conversation ? questions.toReversed() : questions).map((question) => (
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
