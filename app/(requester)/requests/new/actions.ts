"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { validatedAction } from "@/lib/server/action";
import { createDraft } from "@/lib/server/requests";

export const createDraftAction = validatedAction("createDraft", z.object({}), async (viewer) => {
  const id = await createDraft(viewer);
  redirect(`/requests/${id}`);
});
