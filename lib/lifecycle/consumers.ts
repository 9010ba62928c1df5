import { cancelCheckIns } from "./check-ins";
import { sendNotifications } from "./notifications";
import { holdForProposal } from "./proposals";
import type { TEventConsumer } from "./types";
import { sendWebhooks } from "./webhooks";

/**
 * Everything that follows a request event, in order, inside its transaction. A new kind of side
 * effect (a webhook, a check-in schedule) is a new consumer here, not an edit of each event.
 */
export const EVENT_CONSUMERS: readonly TEventConsumer[] = [holdForProposal, sendNotifications, sendWebhooks, cancelCheckIns];
