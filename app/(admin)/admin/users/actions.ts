"use server";

import { revalidatePath } from "next/cache";

import { ZRoleChange } from "@/lib/domain/roles";
import { validatedAction } from "@/lib/server/action";
import { changeUserRole } from "@/lib/server/users";

export const changeRoleAction = validatedAction("changeRole", ZRoleChange, async (viewer, input) => {
  const { changed } = await changeUserRole(viewer, input);
  revalidatePath("/admin/users");
  return { status: "success", message: { key: changed ? "admin-users-changed" : "admin-users-unchanged" } };
});
