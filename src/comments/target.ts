import type { PayloadRequest } from 'payload'
import { relationId } from '@/lib/relation'
import type { User } from '@/payload-types'
import { CONTENT_KINDS, CROSS_UNIT_ROLES } from '@/vocabulary'

/** The collections a comment may be on: every content kind, and publications. */
export const COMMENTABLE = [...CONTENT_KINDS, 'publications'] as const
export type Commentable = (typeof COMMENTABLE)[number]
export const isCommentable = (value: unknown): value is Commentable =>
  typeof value === 'string' && (COMMENTABLE as readonly string[]).includes(value)

export type CommentTarget = {
  ownerUnit: string | null
  /** The document's latest version when the comment is written (content has versions, publications not). */
  version: string | null
}

/**
 * The commented document as the request's user reads it (drafts included), or null when they may
 * not read it: whoever may read the document may comment on it, nobody else.
 */
export async function readTarget(
  req: PayloadRequest,
  collection: Commentable,
  id: string,
): Promise<CommentTarget | null> {
  const doc = await req.payload
    .findByID({
      collection,
      id,
      depth: 0,
      draft: true,
      overrideAccess: false,
      user: req.user,
      req,
      disableErrors: true,
    })
    .catch(() => null)
  if (!doc) return null
  let version: string | null = null
  if (collection !== 'publications') {
    const versions = await req.payload.findVersions({
      collection,
      where: { parent: { equals: id } },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    version = versions.docs[0] ? String(versions.docs[0].id) : null
  }
  return { ownerUnit: relationId((doc as { ownerUnit?: unknown }).ownerUnit), version }
}

export type Mentionable = { id: string; name: string }

/**
 * The people who may be mentioned on a document of `ownerUnit`: its unit's staff, and Sở TT&TT's
 * campaign managers and the admins (who read every unit's documents). Names only, never e-mails:
 * editors may not read the user list itself.
 */
export async function mentionableUsers(
  req: PayloadRequest,
  ownerUnit: string | null,
): Promise<Mentionable[]> {
  const or: Record<string, unknown>[] = [{ role: { in: [...CROSS_UNIT_ROLES] } }]
  if (ownerUnit) or.push({ unit: { equals: ownerUnit } })
  const found = await req.payload.find({
    collection: 'users',
    where: { or } as never,
    depth: 0,
    limit: 500,
    sort: 'fullName',
    overrideAccess: true,
    req,
    select: { fullName: true, email: true },
  })
  return found.docs.map((u: Pick<User, 'id' | 'fullName' | 'email'>) => ({
    id: String(u.id),
    name: u.fullName || u.email,
  }))
}
