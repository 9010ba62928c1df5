import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { NotFoundError } from "@/lib/domain/errors";

import { canReview } from "@/lib/domain/roles";

import { getOwnRequest } from "./requests";
import { getReviewRequest } from "./review/request";
import { requireRole, requireViewer } from "./session";

/** For requester pages: the viewer's own request, or 404 (signed out: to sign-in, then back). */
export const loadOwnRequest = cache(async (id: string) => {
  const viewer = await requireViewer(`/requests/${encodeURIComponent(id)}`);
  try {
    return { viewer, request: await getOwnRequest(viewer, id) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

/**
 * For reviewer pages: the request as this reviewer may see it, or 404 (signed out: to sign-in,
 * then back to `returnTo`). Loaded once per request, however many parts of the page ask.
 */
export const loadReviewRequest = cache(async (id: string, returnTo: string) => {
  const viewer = await requireRole(returnTo, canReview);
  try {
    return { viewer, request: await getReviewRequest(viewer, id) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
