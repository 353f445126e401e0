import type { CollectionSlug, PayloadRequest, TypeWithID } from 'payload'
import { AuditAction } from '@/vocabulary'
import { recordAudit } from './record'

/**
 * An upload collection's file handler (`upload.handlers`): records who downloaded which file, then
 * returns nothing, so Payload serves the file as usual. It runs after the collection's read access,
 * which hands over the document only when it returned a query: otherwise it is found by file name.
 */
export async function auditFileDownload(
  req: PayloadRequest,
  { doc, params }: { doc: TypeWithID; params: { collection: string; filename: string } },
): Promise<void> {
  const id =
    doc?.id ??
    (
      await req.payload.find({
        collection: params.collection as CollectionSlug,
        where: { filename: { equals: params.filename } },
        limit: 1,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
    ).docs[0]?.id
  await recordAudit(
    req.payload,
    {
      action: AuditAction.ExportDownloaded,
      user: req.user,
      collection: params.collection,
      documentId: id ?? null,
      documentTitle: params.filename,
      summary: `Tải tệp ${params.filename}`,
    },
    req,
  )
}
