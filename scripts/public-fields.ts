/**
 * `npm run public-fields`: recomputes the public page's search text and web visibility of every
 * content item (src/content/refreshPublicFields.ts). Needed once on a MongoDB database that held
 * content before these fields existed (and the admin lists' folded search field of units, users and
 * campaigns, src/fields/listSearch.ts); harmless to run again.
 */
import 'dotenv/config'

const { resolveSecret } = await import('@/lib/env')
resolveSecret()
const { startPayload } = await import('@/lib/startPayload')
const { refreshPublicFields } = await import('@/content/refreshPublicFields')
const { refreshListSearch } = await import('@/fields/listSearch')

const payload = await startPayload()
try {
  const written = await refreshPublicFields(payload)
  const total = Object.values(written).reduce((a, b) => a + b, 0)
  console.log(
    `Đã cập nhật ${total} nội dung (${Object.entries(written)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ')}).`,
  )
  const folded = await refreshListSearch(payload)
  console.log(
    `Đã cập nhật trường tìm kiếm của danh sách quản trị (${Object.entries(folded)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ')}).`,
  )
} finally {
  await payload.destroy()
}
process.exit(0)
