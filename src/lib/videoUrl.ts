/** YouTube and Facebook video links the public page can embed. */
const PATTERNS = [
  /^https:\/\/(www\.|m\.)?youtube\.com\/(watch\?(.*&)?v=|shorts\/|embed\/|live\/)[\w-]{6,}/,
  /^https:\/\/youtu\.be\/[\w-]{6,}/,
  /^https:\/\/(www\.|m\.|web\.)?facebook\.com\/.+\/videos\/(.+\/)?\d+/,
  /^https:\/\/(www\.)?facebook\.com\/(watch\/?\?v=|reel\/)\d+/,
  /^https:\/\/fb\.watch\/[\w-]+/,
]

/** One URL only: the patterns anchor the start, so anything after it (spaces, quotes, markup) is refused here. */
const UNSAFE_CHARS = /[\s"'<>`\\]/

export const isExternalVideoUrl = (url: string) => {
  const trimmed = url.trim()
  return !UNSAFE_CHARS.test(trimmed) && PATTERNS.some((p) => p.test(trimmed))
}

/** The YouTube video id of a link (watch, youtu.be, shorts, embed, live), or null for any other link. */
export function youtubeId(url?: string | null): string | null {
  if (!url || !isExternalVideoUrl(url)) return null
  const m =
    url.match(/youtube\.com\/watch\?(?:.*&)?v=([\w-]{6,})/) ??
    url.match(/youtube\.com\/(?:shorts|embed|live)\/([\w-]{6,})/) ??
    url.match(/youtu\.be\/([\w-]{6,})/)
  return m?.[1] ?? null
}
