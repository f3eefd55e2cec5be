// Completion callback deliveries (migration 0011): what the callback repository takes and hands out.

/** What one POST to the callback URL met: the answer's status, or why there was none. */
export interface CallbackAttemptRecord {
  /** ISO time the attempt started. */
  at: string;
  /** The HTTP status answered; null when no answer came (timeout, refused, network). */
  status: number | null;
  /** Why the attempt did not count as delivered; null when it did. */
  error: string | null;
  durationMs: number;
}

export interface NewCallbackDelivery {
  /** The `webhook-id` (`msg_…`) every attempt sends. */
  id: string;
  executionId: string;
  accountId: string;
  url: string;
}

export interface CallbackDeliveryRecord extends NewCallbackDelivery {
  /** `waiting` (for the execution to end, or for its next attempt), `delivered` or `failed` (gave up). */
  state: string;
  attempts: CallbackAttemptRecord[];
  /** When the next attempt is due (ISO); null once delivered or given up. */
  nextAttemptAt: string | null;
  createdAt: string;
}

/** How `claimDue` takes deliveries. */
export interface CallbackClaim {
  /** A token naming this claim; only it may record the attempt. */
  token: string;
  /** ISO: deliveries due at or before it whose lease (if any) ended before it. */
  now: string;
  /** Until when the claim holds them (ISO): a sender that dies loses them at that time. */
  leaseUntil: string;
  limit: number;
}

/** What an attempt leaves: the attempts so far (this one last), the state, and when the next is due. */
export interface CallbackOutcome {
  attempts: CallbackAttemptRecord[];
  state: 'waiting' | 'delivered' | 'failed';
  nextAttemptAt: string | null;
}

export interface CallbackDeliveryRepository {
  /** A `waiting` delivery, due as soon as its execution has ended. */
  create(delivery: NewCallbackDelivery): Promise<void>;
  /** The execution's deliveries, oldest first. */
  forExecution(executionId: string): Promise<CallbackDeliveryRecord[]>;
  /**
   * Leases to `claim.token`, at most `claim.limit`, `waiting` deliveries whose execution has ended,
   * whose next attempt is due and which nobody holds: one conditional update each, which takes a
   * delivery only as it was read (same attempts, same next attempt), so of two processes claiming
   * at once each delivery goes to one of them, and a claim never undoes an attempt recorded since
   * its read. Answers the deliveries as claimed.
   */
  claimDue(claim: CallbackClaim): Promise<CallbackDeliveryRecord[]>;
  /** Writes the outcome and frees the lease, only while `token` still holds it; answers whether it did. */
  recordAttempt(id: string, token: string, outcome: CallbackOutcome): Promise<boolean>;
}
