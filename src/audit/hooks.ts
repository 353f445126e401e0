import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  CollectionSlug,
  Field,
  PayloadRequest,
  Plugin,
} from 'payload'
import { isCrossUnit } from '@/access/roles'
import { appendHooks, forCollectionsExcept } from '@/lib/plugins'
import { l } from '@/lib/i18n'
import { relationId } from '@/lib/relation'
import { AuditAction, DocStatus, PublicationStatus, WithdrawalScope } from '@/vocabulary'
import { recordAudit } from './record'

/** Fields whose change says nothing (timestamps) or is audited by name only elsewhere (credentials). */
const IGNORED_FIELDS = new Set(['updatedAt', 'createdAt', 'credentials'])

/** Where a collection hook puts the names of changed secrets for the audit entry (never the values). */
export const CHANGED_SECRETS = 'auditChangedSecrets'

type Doc = Record<string, unknown>

/** A related document read at any depth compares as its id, so a populated and a bare relation agree. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable)
  if (value && typeof value === 'object') {
    const o = value as Doc
    if ('id' in o && ('createdAt' in o || 'updatedAt' in o)) return o.id
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, comparable(v)]))
  }
  return value
}

/** The top-level fields whose value differs between two versions of a document (or a global). */
export function changedFields(before: Doc | undefined, after: Doc): string[] {
  if (!before) return []
  // The document as its reader sees it: the previous version was read with hidden fields (hash, salt).
  return Object.keys(after)
    .filter((k) => !IGNORED_FIELDS.has(k))
    .filter((k) => JSON.stringify(comparable(before[k])) !== JSON.stringify(comparable(after[k])))
    .sort()
}

const liveKey = (slug: string, id: unknown) => `auditLiveStatus:${slug}:${id}`

const liveStatus = async (req: PayloadRequest, slug: string, id: unknown) =>
  (
    await req.payload.db.findOne<Doc & { id: string }>({
      collection: slug as CollectionSlug,
      where: { id: { equals: id } },
      req,
    })
  )?._status

const hasDrafts = (collection: CollectionConfig) =>
  !!(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts)

const passwordKey = (slug: string, id: unknown) => `auditPassword:${slug}:${id}`

/**
 * What an update's change hooks cannot see, noted before it runs: whether the live row was
 * published (the hooks see the latest version, which after a draft revision is a draft while the
 * live row is still published), and whether a password was set (Payload removes it from the data).
 */
const noteBeforeUpdate: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  const { id, data } = args as { id?: unknown; data?: { password?: unknown } }
  if (operation !== 'update' || !req.user || id == null) return args
  if (hasDrafts(collection))
    req.context[liveKey(collection.slug, id)] = await liveStatus(req, collection.slug, id)
  if (collection.auth && data?.password) req.context[passwordKey(collection.slug, id)] = true
  return args
}

/**
 * The action an update stands for: publishing makes the live row published (or a draft revision
 * live); unpublishing turns a published live row into a draft. Saving a draft revision of published
 * content leaves the live row published, so it is an edit.
 */
async function updateAction(
  collection: CollectionConfig,
  doc: Doc,
  previous: Doc,
  req: PayloadRequest,
): Promise<AuditAction> {
  if (hasDrafts(collection)) {
    const key = liveKey(collection.slug, doc.id)
    // A bulk update (by `where`, no id beforehand) was not noted: its previous version is the best guess.
    const before = key in req.context ? req.context[key] : previous._status
    delete req.context[key]
    if (
      doc._status === DocStatus.Published &&
      (before !== DocStatus.Published || previous._status !== DocStatus.Published)
    )
      return AuditAction.Publish
    if (doc._status === DocStatus.Draft && before === DocStatus.Published)
      return (await liveStatus(req, collection.slug, doc.id)) === DocStatus.Draft
        ? AuditAction.Unpublish
        : AuditAction.Update
  }
  if (
    collection.slug === 'publications' &&
    previous.status === PublicationStatus.AwaitingApproval
  ) {
    if (doc.status === PublicationStatus.Scheduled) return AuditAction.Approve
    if (
      isCrossUnit(req.user) &&
      (doc.status === PublicationStatus.Draft || doc.status === PublicationStatus.Cancelled)
    )
      return AuditAction.Return
  }
  return AuditAction.Update
}

const describe = (collection: CollectionConfig, doc: Doc) => {
  const titleField = collection.admin?.useAsTitle ?? 'id'
  const title = doc[titleField] ?? doc.title ?? doc.name
  return {
    collection: collection.slug,
    documentId: doc.id as string,
    documentTitle: title == null ? null : String(title),
    documentUnit: doc.ownerUnit ?? null,
  }
}

/** Who withdrew is the entry's user; what and why go in its summary. */
const withdrawalSummary = (doc: Doc) =>
  `Gỡ "${doc.contentTitle}" ${doc.scope === WithdrawalScope.Publication ? `(lịch đăng ${relationId(doc.publication)})` : 'trên mọi kênh'}. Lý do: ${doc.reason}`

const afterChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  operation,
  req,
}) => {
  // People's actions only: the dispatcher, the seed and scripts act without a user.
  if (!req.user) return doc
  const secrets = (req.context[CHANGED_SECRETS] as string[] | undefined) ?? []
  delete req.context[CHANGED_SECRETS]
  const password = req.context[passwordKey(collection.slug, doc.id)] ? ['password'] : []
  delete req.context[passwordKey(collection.slug, doc.id)]
  const fields = [
    ...changedFields(operation === 'update' ? previousDoc : undefined, doc),
    ...secrets,
    ...password,
  ]
  const withdrawal = operation === 'create' && collection.slug === 'withdrawals'
  const action = withdrawal
    ? AuditAction.Withdraw
    : operation === 'create'
      ? AuditAction.Create
      : secrets.length
        ? AuditAction.CredentialsChanged
        : await updateAction(collection, doc, previousDoc, req)
  await recordAudit(
    req.payload,
    {
      action,
      user: req.user,
      ...describe(collection, doc),
      changedFields: fields,
      summary: secrets.length
        ? `Đổi: ${secrets.join(', ')}`
        : withdrawal
          ? withdrawalSummary(doc)
          : undefined,
    },
    req,
  )
  return doc
}

const afterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  if (!req.user) return doc
  await recordAudit(
    req.payload,
    {
      action: AuditAction.Delete,
      user: req.user,
      ...describe(collection, doc),
      deleted: { collection: collection.slug, id: doc.id },
    },
    req,
  )
  return doc
}

/** A link in the edit view's sidebar to this document's entries (shown to admins, who alone read them). */
const historyField: Field = {
  name: 'auditHistory',
  type: 'ui',
  label: l('Lịch sử thao tác', 'History'),
  admin: {
    position: 'sidebar',
    components: { Field: '/admin/AuditHistoryLink#AuditHistoryLink' },
  },
}

/**
 * The plugin: an audit entry for every change and deletion, and the history link, on every
 * collection but those the config names (the trail itself and the system's bookkeeping).
 */
export const auditTrail = ({ except }: { except: readonly string[] }): Plugin =>
  forCollectionsExcept('auditTrail', except, (collection) => ({
    ...appendHooks(collection, {
      beforeOperation: [noteBeforeUpdate],
      afterChange: [afterChange],
      afterDelete: [afterDelete],
    }),
    fields: [...collection.fields, historyField],
  }))
