import type { Field, FieldHook, PayloadRequest, Validate, Where } from 'payload'
import { l } from '@/lib/i18n'
import { toSlug } from '@/lib/slug'

async function slugTaken(
  req: PayloadRequest,
  collection: string,
  slug: string,
  id?: string | number,
) {
  const where: Where = id
    ? { and: [{ slug: { equals: slug } }, { id: { not_equals: id } }] }
    : { slug: { equals: slug } }
  const found = await req.payload.count({
    collection: collection as 'articles',
    where,
    overrideAccess: true,
    req,
  })
  return found.totalDocs > 0
}

/**
 * A slug typed by the user is kept as typed (folded) and must be unique; a slug left empty is made
 * from the title, and a numeric suffix keeps it unique ("…-2", "…-3").
 */
const fillSlug: FieldHook = async ({ value, data, originalDoc, collection, req }) => {
  if (typeof value === 'string' && value.trim()) return toSlug(value)
  if (originalDoc?.slug) return originalDoc.slug
  const title = data?.title ?? originalDoc?.title
  if (typeof title !== 'string' || !title.trim() || !collection) return value
  const base = toSlug(title) || 'noi-dung'
  let candidate = base
  for (let n = 2; await slugTaken(req, collection.slug, candidate, originalDoc?.id); n++)
    candidate = `${base}-${n}`
  return candidate
}

const uniqueSlug: Validate<string> = async (value, { req, id, collectionSlug }) => {
  if (!value) return 'Cần có đường dẫn (slug) hoặc tiêu đề để tạo đường dẫn.'
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value))
    return 'Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang.'
  if (collectionSlug && (await slugTaken(req, collectionSlug, value, id))) {
    return `Đường dẫn "${value}" đã được dùng cho một nội dung khác; hãy đổi tiêu đề hoặc đường dẫn.`
  }
  return true
}

export const slugField = (): Field => ({
  name: 'slug',
  type: 'text',
  label: l('Đường dẫn (slug)', 'Slug'),
  index: true,
  unique: true,
  validate: uniqueSlug,
  hooks: { beforeValidate: [fillSlug] },
  admin: {
    position: 'sidebar',
    description: l(
      'Để trống để tạo tự động từ tiêu đề (bỏ dấu).',
      'Leave empty to generate from the title.',
    ),
  },
})
