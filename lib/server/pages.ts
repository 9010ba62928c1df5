import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { NotFoundError } from "@/lib/domain/errors";

import { getOwnRequest } from "./requests";
import { requireViewer } from "./session";

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
