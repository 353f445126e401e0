import { PublicationStatus } from '@/vocabulary'

/**
 * Approving and returning a publication are ordinary updates of its status through REST, so the
 * collection's hooks (checkSchedule records who approved; approvalDecision wants a reason to
 * return) stay the one place the rules live. A return sends it back to the unit as a draft.
 */
export const APPROVE = { status: PublicationStatus.Scheduled }
export const returnWith = (reason: string) => ({
  status: PublicationStatus.Draft,
  approval: { returnReason: reason },
})
