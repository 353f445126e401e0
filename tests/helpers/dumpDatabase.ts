/**
 * Run as a child process against a database (DATABASE_URI, MEDIA_DIR): starts the app's Payload on
 * it, as the server would, and prints JSON with every collection's count and the articles and
 * media records, so a test can compare a restored copy with its source through the app itself.
 */
const { startPayload } = await import('@/lib/startPayload')
const payload = await startPayload()
const counts: Record<string, number> = {}
for (const { slug } of payload.config.collections)
  counts[slug] = (await payload.count({ collection: slug, overrideAccess: true })).totalDocs
const all = {
  limit: 0,
  pagination: false,
  depth: 0,
  sort: 'createdAt',
  overrideAccess: true,
} as const
const articles = (await payload.find({ collection: 'articles', ...all })).docs.map((a) => ({
  id: a.id,
  title: a.title,
  slug: a.slug,
  ownerUnit: a.ownerUnit,
  _status: a._status,
  updatedAt: a.updatedAt,
}))
const media = (await payload.find({ collection: 'media', ...all })).docs.map((m) => ({
  id: m.id,
  filename: m.filename,
  filesize: m.filesize,
  alt: m.alt,
  sizes: Object.values(m.sizes ?? {}).map((s) => (s as { filename?: string }).filename),
}))
console.log(JSON.stringify({ counts, articles, media }))
await payload.destroy()
process.exit(0)

export {}
