"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import {
  ZWebhookDeliveryRef,
  ZWebhookEndpointCreate,
  ZWebhookEndpointEdit,
  ZWebhookEndpointRef,
  ZWebhookSecretRotation,
} from "@/lib/domain/webhook-endpoint-form";
import { validatedAction } from "@/lib/server/action";
import { createEndpoint, resendFailedDelivery, rotateSecret, sendTest, updateEndpoint } from "@/lib/server/admin/webhooks";

// A new secret travels only in the action's answer, shown once: never in an address (no redirect
// carries it), a log or a page rendered later.

export const createWebhookAction = validatedAction("createWebhook", ZWebhookEndpointCreate, async (viewer, input) => {
  const { id, secret } = await createEndpoint(viewer, input);
  revalidatePath("/admin/webhooks");
  return { status: "success", message: { key: "admin-webhooks-created" }, shownOnce: { value: secret, href: `/admin/webhooks/${id}` } };
});

export const updateWebhookAction = validatedAction("updateWebhook", ZWebhookEndpointEdit, async (viewer, input) => {
  const version = await updateEndpoint(viewer, input);
  revalidatePath(`/admin/webhooks/${input.endpointId}`);
  return { status: "success", message: { key: "admin-webhooks-saved" }, version };
});

export const rotateWebhookSecretAction = validatedAction("rotateWebhookSecret", ZWebhookSecretRotation, async (viewer, input) => {
  const { secret, version } = await rotateSecret(viewer, input);
  revalidatePath(`/admin/webhooks/${input.endpointId}`);
  return { status: "success", message: { key: "admin-webhooks-rotated" }, shownOnce: { value: secret }, version };
});

export const sendWebhookTestAction = validatedAction("sendWebhookTest", ZWebhookEndpointRef, async (viewer, { endpointId }) => {
  await sendTest(viewer, endpointId);
  revalidatePath(`/admin/webhooks/${endpointId}`);
  return { status: "success", message: { key: "admin-webhooks-test-sent" } };
});

export const resendWebhookDeliveryAction = validatedAction("resendWebhookDelivery", ZWebhookDeliveryRef, async (viewer, { deliveryId }) => {
  const endpointId = await resendFailedDelivery(viewer, deliveryId);
  // Said at the top of the page: the row's button, and anything said beside it, is gone once it is no longer failed.
  redirect(`/admin/webhooks/${endpointId}?resent=1`);
});
