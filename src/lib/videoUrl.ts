/** YouTube and Facebook video links the public page can embed. */
const PATTERNS = [
  /^https:\/\/(www\.|m\.)?youtube\.com\/(watch\?(.*&)?v=|shorts\/|embed\/|live\/)[\w-]{6,}/,
  /^https:\/\/youtu\.be\/[\w-]{6,}/,
  /^https:\/\/(www\.|m\.|web\.)?facebook\.com\/.+\/videos\/(.+\/)?\d+/,
  /^https:\/\/(www\.)?facebook\.com\/(watch\/?\?v=|reel\/)\d+/,
  /^https:\/\/fb\.watch\/[\w-]+/,
]

export const isExternalVideoUrl = (url: string) => PATTERNS.some((p) => p.test(url.trim()))
