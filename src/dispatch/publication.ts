import crypto from 'node:crypto'
import type { AttemptOutcome, PublicationStatus } from '@/vocabulary'

// What the dispatcher reads and writes of a publication: shared by the claim and record code and
// by the databases' implementations in src/db (a leaf module, so none of them imports another).

/** What dispatching needs of a publication; the attempt history is left out (it only grows). */
export const PUBLICATION_FIELDS = {
  id: true,
  status: true,
  leaseOwner: true,
  channel: true,
  content: true,
  approval: true,
  scheduledAt: true,
  nextAttemptAt: true,
  message: true,
  hashtags: true,
  idempotencyKey: true,
  attemptCount: true,
  remoteId: true,
  outcomeUnknown: true,
} as const

export type ClaimedPublication = {
  id: string
  status: PublicationStatus
  leaseOwner: string
  channel: string | { id: string }
  content: { relationTo: string; value: unknown }
  approval?: Record<string, any> | null
  scheduledAt: string
  nextAttemptAt: string
  message?: string | null
  hashtags?: string[] | null
  idempotencyKey: string
  attemptCount?: number | null
  remoteId?: string | null
  /** An earlier send may have reached the platform unanswered: look it up before sending. */
  outcomeUnknown?: boolean | null
}

export type Attempt = {
  at: string
  outcome: AttemptOutcome
  message: string
  httpStatus?: number | null
  durationMs?: number | null
  worker?: string
}

/** One outcome of a firing, waiting to be written: the claim it belongs to, the attempt, the new state. */
export type Recorded = {
  pub: { id: string; leaseOwner: string }
  attempt: Attempt
  changes: Record<string, unknown>
}

/** The lease a claim writes on the publications it takes. */
export type Lease = { status: string; leaseOwner: string; leaseWorker: string; leaseUntil: string }

/** Array rows need their own id, which Payload would otherwise generate in its hooks. */
export const rowId = () => crypto.randomBytes(12).toString('hex')

/** What carrying out a removal needs of its job (src/dispatch/removals.ts). */
export type ClaimedRemoval = {
  id: string
  leaseOwner: string
  publication: string
  attemptCount: number
}
