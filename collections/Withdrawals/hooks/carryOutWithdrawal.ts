import type { CollectionAfterChangeHook, PayloadRequest, Where } from 'payload'
import { contentRef } from '@/content/item'
import { moveIfStill } from '@/dispatch/record'
import { relationId } from '@/lib/relation'
import {
  AttemptOutcome,
  ChannelKind,
  DocStatus,
  PublicationStatus,
  RemovalStatus,
  WAITING,
  WithdrawalScope,
} from '@/vocabulary'
import { OUT } from './prepareWithdrawal'

type Target = {
  id: string
  channel: unknown
  channelName?: string | null
  channelKind?: string | null
}

/** The item's publications in these statuses that are not withdrawn yet. */
async function publicationsIn(
  req: PayloadRequest,
  ref: { kind: string; id: string },
  statuses: readonly PublicationStatus[],
): Promise<Target[]> {
  const where: Where = {
    and: [
      { contentId: { equals: ref.id } },
      { contentKind: { equals: ref.kind } },
      { status: { in: statuses } },
      { withdrawnAt: { exists: false } },
    ],
  }
  const found = await req.payload.find({
    collection: 'publications',
    where,
    pagination: false,
    limit: 0,
    depth: 0,
    overrideAccess: true,
    select: { channel: true, channelName: true, channelKind: true },
    req,
  })
  return found.docs.map((d) => ({ ...d, id: String(d.id) }))
}

/**
 * Carries a withdrawal out, in the request's transaction: an item's waiting publications are
 * cancelled (nothing more goes out) and the item leaves the public page (unpublished; its page then
 * answers 410, src/web/withdrawn.ts); each publication that went out, or is going out, is marked
 * withdrawn (feeds drop it) and gets a removal job that the dispatcher carries out on its channel
 * (src/dispatch/removals.ts). Withdrawing the dedicated page's own publication takes the item off
 * the page too: the page is that channel.
 */
export const carryOutWithdrawal: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const { payload } = req
  const ref = contentRef(doc.content)!
  const whole = doc.scope === WithdrawalScope.Content
  let targets: Target[]
  if (whole) {
    const message = `Nội dung đã bị gỡ (lý do: ${doc.reason}) nên lịch đăng bị hủy.`
    for (const pub of await publicationsIn(req, ref, WAITING))
      // One a worker claimed a moment ago is "sending" now, and is taken down below like the rest.
      await moveIfStill(payload, {
        id: pub.id,
        from: WAITING,
        data: { status: PublicationStatus.Cancelled },
        attempt: { outcome: AttemptOutcome.Permanent, message },
        req,
      })
    targets = await publicationsIn(req, ref, OUT)
  } else {
    const pub = await payload.findByID({
      collection: 'publications',
      id: relationId(doc.publication)!,
      depth: 0,
      overrideAccess: true,
      select: { channel: true, channelName: true, channelKind: true },
      req,
    })
    targets = [{ ...pub, id: String(pub.id) }]
  }

  const offThePage = whole || targets.some((t) => t.channelKind === ChannelKind.WebPage)
  if (offThePage) {
    const item = await payload.findByID({
      collection: ref.kind,
      id: ref.id,
      depth: 0,
      overrideAccess: true,
      select: { _status: true },
      req,
    })
    if (item._status === DocStatus.Published)
      await payload.update({
        collection: ref.kind,
        id: ref.id,
        data: { _status: DocStatus.Draft },
        overrideAccess: true,
        context: { withdrawal: true },
        req,
      })
  }

  const now = new Date().toISOString()
  for (const target of targets) {
    // The channel's name is copied onto a publication when it is scheduled; read it where it was not.
    const channelName =
      target.channelName ??
      (
        await payload.findByID({
          collection: 'channels',
          id: relationId(target.channel)!,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          select: { name: true },
          req,
        })
      )?.name ??
      null
    await payload.db.updateOne({
      collection: 'publications',
      id: target.id,
      data: { withdrawnAt: now },
      returning: false,
      req,
    })
    await payload.create({
      collection: 'removals',
      data: {
        withdrawal: doc.id,
        publication: target.id,
        channel: relationId(target.channel),
        channelName,
        contentTitle: doc.contentTitle ?? null,
        ownerUnit: relationId(doc.ownerUnit),
        status: RemovalStatus.Pending,
        nextAttemptAt: now,
        attemptCount: 0,
      },
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
  return doc
}
