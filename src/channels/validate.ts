import { contentKinds } from '@/vocabulary'
import type { ChannelInfo, Outbound } from './types'

const typeLabel = (kind: string) => contentKinds.label(kind)

/** The text a channel receives: the publication's message (or the summary) and its hashtags. */
export function outboundText(outbound: Outbound): string {
  const tags = outbound.hashtags.map((t) => (t.startsWith('#') ? t : `#${t}`)).join(' ')
  return [outbound.message || outbound.content.summary, tags].filter(Boolean).join('\n\n')
}

/** Checks every channel shares: accepted content types and the channel's configured lengths. */
export function commonProblems(
  channel: ChannelInfo,
  outbound: Outbound,
  builtIn: { title?: number; text?: number } = {},
): string[] {
  const problems: string[] = []
  const accepted = channel.limits.acceptedTypes
  if (accepted?.length && !accepted.includes(outbound.content.kind)) {
    problems.push(
      `Kênh "${channel.name}" không nhận loại nội dung "${typeLabel(outbound.content.kind)}" (chỉ nhận: ${accepted.map(typeLabel).join(', ')}).`,
    )
  }
  const titleMax = Math.min(channel.limits.titleMaxLength ?? Infinity, builtIn.title ?? Infinity)
  if (outbound.content.title.length > titleMax) {
    problems.push(
      `Tiêu đề dài ${outbound.content.title.length} ký tự, vượt giới hạn ${titleMax} ký tự của kênh "${channel.name}".`,
    )
  }
  const textMax = Math.min(channel.limits.textMaxLength ?? Infinity, builtIn.text ?? Infinity)
  const text = outboundText(outbound)
  if (text.length > textMax) {
    problems.push(
      `Nội dung gửi kênh dài ${text.length} ký tự, vượt giới hạn ${textMax} ký tự của kênh "${channel.name}".`,
    )
  }
  return problems
}
