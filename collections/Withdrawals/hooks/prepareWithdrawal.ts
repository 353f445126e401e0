import type { CollectionBeforeChangeHook } from 'payload'
import { mayWithdrawFor } from '@/access/withdrawers'
import { contentRef } from '@/content/item'
import { publicationsOf } from '@/lib/publicationsOf'
import { refuseFields } from '@/lib/refuse'
import { relationId } from '@/lib/relation'
import { DocStatus, PublicationStatus, WithdrawalScope } from '@/vocabulary'

/** What went out (or is going out) and can be taken down. */
export const OUT: readonly PublicationStatus[] = [
  PublicationStatus.Published,
  PublicationStatus.Sending,
]

/**
 * Checks a withdrawal before it is saved and fills in what it is about: a reason is required; a
 * publication must have gone out and not be withdrawn already; an item must be on the public page or
 * out on some channel; the user must be allowed for the item's unit (`mayWithdrawFor`). Each refusal
 * is a Vietnamese field error and nothing is saved. Withdrawals are never edited afterwards.
 */
export const prepareWithdrawal: CollectionBeforeChangeHook = async ({ data, req, operation }) => {
  if (operation !== 'create') return data
  const refuse = (path: string, message: string): never =>
    refuseFields(req, 'withdrawals', [{ path, message }])
  const reason = String(data.reason ?? '').trim()
  if (!reason) refuse('reason', 'Cần nêu lý do gỡ bài.')

  const pubId = relationId(data.publication)
  const pub = pubId
    ? await req.payload.findByID({
        collection: 'publications',
        id: pubId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        req,
      })
    : null
  if (pubId && !pub) refuse('publication', 'Không tìm thấy lịch đăng cần gỡ.')
  if (pub?.withdrawnAt) refuse('publication', 'Lịch đăng này đã được gỡ.')
  if (pub && !OUT.includes(pub.status))
    refuse(
      'publication',
      'Lịch đăng chưa được gửi lên kênh nên không có gì để gỡ; hãy hủy lịch đăng thay vì gỡ bài.',
    )
  const ref = contentRef(pub ? pub.content : data.content)
  if (!ref) return refuse('content', 'Cần chọn nội dung hoặc lịch đăng cần gỡ.')

  const doc = await req.payload.findByID({
    collection: ref.kind,
    id: ref.id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!doc) return refuse('content', 'Không tìm thấy nội dung cần gỡ.')
  if (req.user && !mayWithdrawFor(req.user, doc.ownerUnit))
    refuse('content', 'Bạn chỉ được gỡ bài của đơn vị mình.')
  if (!pub && doc._status !== DocStatus.Published) {
    const out = await publicationsOf(req, ref.kind, ref.id, OUT, [
      { withdrawnAt: { exists: false } },
    ])
    if (!out.length) refuse('content', 'Nội dung chưa được đăng ở đâu nên không có gì để gỡ.')
  }
  return {
    ...data,
    reason,
    scope: pub ? WithdrawalScope.Publication : WithdrawalScope.Content,
    content: { relationTo: ref.kind, value: ref.id },
    publication: pub?.id ?? null,
    contentKind: ref.kind,
    contentSlug: doc.slug ?? null,
    contentTitle: doc.title,
    ownerUnit: relationId(doc.ownerUnit),
    requestedBy: req.user?.id ?? null,
  }
}
