/**
 * A TikTok account through the Content Posting API, Direct Post:
 * https://developers.tiktok.com/doc/content-posting-api-reference-direct-post (video),
 * https://developers.tiktok.com/doc/content-posting-api-reference-photo-post (photos),
 * https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status (status).
 *
 * 1. creator_info/query: the privacy levels the account offers, whether it allows comments, the
 *    longest video; the channel's privacy level must be one of them.
 * 2. video/init (a video: TikTok pulls our public media URL, or we upload the file in chunks) or
 *    content/init (an infographic as a photo post; TikTok takes JPEG and WebP, never PNG).
 * 3. status/fetch until PUBLISH_COMPLETE or FAILED. TikTok processes and moderates for seconds to
 *    hours, so the adapter does not wait: it checkpoints the publish_id and answers "pending"; the
 *    dispatcher keeps the publication "sending" and hands it back later, and the next call only
 *    asks for the status.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { mediaDir } from '@/lib/env'
import { ChannelKind, ContentKind, TikTokVideoSource, tiktokPrivacyLevels } from '@/vocabulary'
import { request } from './http'
import { tokenProblem } from './oauth'
import { lookupSince } from './marker'
import { tiktokClient, tiktokFailure } from './tiktokApi'
import { ChannelError, type ChannelAdapter, type ChannelInfo, type Outbound } from './types'
import { commonProblems, outboundText } from './validate'

/** Documented limits: a video's caption ≤ 2,200 UTF-16 code units; a photo post's title ≤ 90, description ≤ 4,000. */
export const TIKTOK_LIMITS = { videoCaption: 2200, photoTitle: 90, photoDescription: 4000 }
/** Photo formats TikTok takes (content/init: "JPG, JPEG, WEBP"). */
const PHOTO_TYPES = ['image/jpeg', 'image/webp']
/** Video containers TikTok takes (MP4, WebM, MOV). */
const VIDEO_TYPES = ['video/mp4', 'video/webm', 'video/quicktime']

/**
 * Chunked upload rules (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide):
 * chunks of 5-64 MB sent in order, total_chunk_count = floor(size / chunk_size), the last chunk
 * takes the remainder (up to 128 MB); a file under 5 MB goes whole.
 */
const MIN_CHUNK = 5 * 1024 * 1024
const CHUNK = Number(process.env.TIKTOK_CHUNK_BYTES || 10 * 1024 * 1024)
export function chunkPlan(size: number): { chunkSize: number; count: number } {
  if (size < MIN_CHUNK) return { chunkSize: size, count: 1 }
  const chunkSize = Math.min(Math.max(CHUNK, MIN_CHUNK), 64 * 1024 * 1024)
  return { chunkSize, count: Math.max(1, Math.floor(size / chunkSize)) }
}

/** "Each user access_token is limited to 6 requests per minute" on video/init and content/init. */
export const INIT_LIMIT = { requests: 6, windowMs: 60_000 }
const initsByAccount = new Map<string, number[]>()

/**
 * Holds back an init this process would send past TikTok's limit for the account, and says how
 * long until a slot frees: the dispatcher reschedules the publication for then without counting an
 * attempt. Sends from other workers are not seen here; TikTok's own 429 (rate_limit_exceeded) is the
 * backstop, and the dispatcher waits a minute after it.
 */
function takeInitSlot(accountKey: string, now = Date.now()): void {
  const recent = (initsByAccount.get(accountKey) ?? []).filter((t) => t > now - INIT_LIMIT.windowMs)
  if (recent.length >= INIT_LIMIT.requests) {
    // A second more than the window: TikTok counts arrivals, which come a little after our start.
    const wait = recent[0] + INIT_LIMIT.windowMs - now + 1000
    throw new ChannelError(
      `Đã gửi ${INIT_LIMIT.requests} yêu cầu đăng bài tới tài khoản TikTok này trong một phút (giới hạn của TikTok).`,
      'retry',
      undefined,
      wait,
      true,
    )
  }
  recent.push(now)
  initsByAccount.set(accountKey, recent)
}

/** What a post in progress keeps between calls (in the publication's remoteId, through `checkpoint`). */
type Progress = { publishId: string; since: number; username?: string; photo: boolean }
const PREFIX = 'tiktok:'
const readProgress = (saved?: string | null): Progress | null => {
  if (!saved?.startsWith(PREFIX)) return null
  try {
    return JSON.parse(saved.slice(PREFIX.length)) as Progress
  } catch {
    return null
  }
}

/** How long to wait before asking again: soon at first, then a quarter of the time waited so far, at most a minute. */
const POLL_FIRST_MS = Number(process.env.TIKTOK_POLL_MS || 5000)
const pollDelay = (elapsedMs: number) => Math.min(60_000, Math.max(POLL_FIRST_MS, elapsedMs / 4))
/** Moderation "may take a few hours"; past this the post is given up on and a person looks. */
const GIVE_UP_MS = Number(process.env.TIKTOK_MAX_WAIT_MS || 24 * 3600_000)

type CreatorInfo = {
  creator_username?: string
  creator_nickname?: string
  privacy_level_options?: string[]
  comment_disabled?: boolean
  duet_disabled?: boolean
  stitch_disabled?: boolean
  max_video_post_duration_sec?: number
}
type StatusData = {
  status?: string
  fail_reason?: string
  publicaly_available_post_id?: (number | string)[]
  uploaded_bytes?: number
  downloaded_bytes?: number
}

/** fail_reason values of status/fetch, in Vietnamese. */
const FAIL_REASONS: Record<string, string> = {
  file_format_check_failed: 'định dạng tệp không được chấp nhận',
  duration_check_failed: 'thời lượng video không phù hợp',
  frame_rate_check_failed: 'tốc độ khung hình không phù hợp',
  picture_size_check_failed: 'kích thước hình không phù hợp',
  video_pull_failed: 'TikTok không tải được video từ địa chỉ công khai',
  photo_pull_failed: 'TikTok không tải được ảnh từ địa chỉ công khai',
  publish_cancelled: 'bài đăng đã bị hủy',
  auth_removed: 'tài khoản đã thu hồi quyền của ứng dụng',
  spam_risk_too_many_posts: 'tài khoản đã đạt giới hạn số bài trong ngày',
  spam_risk_user_banned_from_posting: 'tài khoản bị cấm đăng bài',
  spam_risk_text: 'nội dung chữ bị đánh giá là spam',
  spam_risk: 'bài bị đánh giá là spam',
  internal: 'lỗi nội bộ của TikTok',
}

const isPhoto = (outbound: Outbound) => outbound.content.kind === ContentKind.Infographics
/** The caption as TikTok stores it: a photo post's title, a video's caption (title field). */
const sentCaption = (outbound: Outbound) =>
  isPhoto(outbound) ? outbound.content.title : videoCaption(outbound)

/**
 * Without a publish_id, how long a post in doubt is looked for in the account's video list before a
 * person is asked: TikTok lists a post only once it has processed and passed moderation ("a few hours").
 */
const RECONCILE_MS = Number(process.env.TIKTOK_RECONCILE_MS || 6 * 3600_000)
const LIST_PAGES = 10
/** TikTok lists at most 150 characters of a caption: a long one matches by its beginning. */
const sameCaption = (listed: string | undefined, sent: string) => {
  const t = listed?.trim() ?? ''
  return t === sent || (t.length >= 100 && sent.startsWith(t))
}
type ListedVideo = { id: string; title?: string; video_description?: string; create_time?: number }
const videoCaption = (outbound: Outbound) =>
  [outbound.content.title, outboundText(outbound)].filter(Boolean).join('\n\n')

export const tiktokAdapter: ChannelAdapter = {
  kind: ChannelKind.TikTok,
  validate(channel, outbound) {
    const { content } = outbound
    const problems = commonProblems(channel, outbound)
    const s = channel.settings
    if (content.kind === ContentKind.Videos) {
      const caption = videoCaption(outbound)
      if (caption.length > TIKTOK_LIMITS.videoCaption)
        problems.push(
          `Chú thích video TikTok dài ${caption.length} ký tự, vượt giới hạn ${TIKTOK_LIMITS.videoCaption} ký tự.`,
        )
      if (!content.videoFile)
        problems.push(
          'Video chưa có tệp trong thư viện (chỉ có đường dẫn ngoài), nên không thể đăng lên TikTok.',
        )
      else if (content.videoFile.mimeType && !VIDEO_TYPES.includes(content.videoFile.mimeType))
        problems.push(
          `TikTok không nhận tệp loại ${content.videoFile.mimeType} (chỉ nhận video MP4, WebM, MOV).`,
        )
    } else if (content.kind === ContentKind.Infographics) {
      if (content.title.length > TIKTOK_LIMITS.photoTitle)
        problems.push(
          `Tiêu đề bài ảnh TikTok dài ${content.title.length} ký tự, vượt giới hạn ${TIKTOK_LIMITS.photoTitle} ký tự.`,
        )
      const description = outboundText(outbound)
      if (description.length > TIKTOK_LIMITS.photoDescription)
        problems.push(
          `Mô tả bài ảnh TikTok dài ${description.length} ký tự, vượt giới hạn ${TIKTOK_LIMITS.photoDescription} ký tự.`,
        )
      if (!content.imageUrl) problems.push('Infographic chưa có ảnh nên không thể đăng lên TikTok.')
      else if (content.imageMimeType === 'image/png' || /\.png($|\?)/i.test(content.imageUrl))
        problems.push('TikTok không nhận ảnh PNG: cần ảnh JPEG hoặc WebP.')
      else if (content.imageMimeType && !PHOTO_TYPES.includes(content.imageMimeType))
        problems.push(
          `TikTok không nhận ảnh loại ${content.imageMimeType} (chỉ nhận JPEG hoặc WebP).`,
        )
    } else {
      problems.push('Kênh TikTok chỉ nhận video và ảnh infographic.')
    }
    if (!s.tiktokPrivacyLevel || !tiktokPrivacyLevels.includes(s.tiktokPrivacyLevel))
      problems.push(`Kênh "${channel.name}" chưa chọn quyền riêng tư cho bài đăng TikTok.`)
    const noToken = tokenProblem(channel, 'TikTok')
    if (noToken) problems.push(noToken)
    return problems
  },

  /**
   * With a checkpointed publish_id, its status (exact, at once). Without one (init's answer was lost),
   * TikTok offers nothing to search by a hidden marker: the account's public videos
   * (`/v2/video/list/`, newest first, scope video.list) are compared by the caption we sent and the
   * time; TikTok lists a post only after processing and moderation, so a miss is "not yet" until
   * TIKTOK_RECONCILE_MS (6 h) has passed since the scheduled time, and then a person decides: we never
   * resend a TikTok post in doubt ourselves. A non-public post is never listed: a person decides at once.
   */
  async lookup(channel, outbound, context) {
    const tiktok = tiktokClient(channel, context)
    const saved = readProgress(outbound.progress)
    if (saved) {
      const result = await checkStatus(tiktok, saved)
      return result.pending
        ? { unsure: result.message, checkAfterMs: result.pending.checkAfterMs }
        : { found: result }
    }
    const needsPerson = (why: string) =>
      new ChannelError(
        `Không biết lần gửi trước có tạo bài trên TikTok hay không: ${why}. Cần người kiểm tra tài khoản TikTok rồi gửi lại nếu chưa có bài.`,
        'permanent',
      )
    if (channel.settings.tiktokPrivacyLevel !== 'PUBLIC_TO_EVERYONE')
      throw needsPerson('bài không công khai thì TikTok không liệt kê qua API')
    const caption = sentCaption(outbound).trim()
    const since = lookupSince(outbound) / 1000
    let cursor: number | undefined
    for (let page = 0; page < LIST_PAGES; page++) {
      const list = await tiktok.call<{
        videos?: ListedVideo[]
        cursor?: number
        has_more?: boolean
      }>('/v2/video/list/?fields=id,title,video_description,create_time', {
        max_count: 20,
        ...(cursor ? { cursor } : {}),
      })
      const videos = list.videos ?? []
      const match = videos.find(
        (v) =>
          (v.create_time ?? 0) >= since &&
          [v.title, v.video_description].some((t) => sameCaption(t, caption)),
      )
      if (match)
        return {
          found: {
            remoteId: String(match.id),
            message: `Đã tìm thấy bài trên TikTok (mã ${match.id}) từ lần gửi trước; không gửi lại.`,
          },
        }
      if (!list.has_more || videos.some((v) => (v.create_time ?? 0) < since)) break
      cursor = list.cursor
    }
    const waited = Date.now() - new Date(outbound.scheduledAt).getTime()
    if (waited > RECONCILE_MS)
      throw needsPerson(
        `sau ${Math.round(waited / 3600_000)} giờ vẫn chưa thấy bài trong danh sách video`,
      )
    return {
      unsure:
        'Chưa thấy bài trong danh sách video TikTok (TikTok chỉ liệt kê sau khi xử lý xong); sẽ kiểm tra lại.',
      checkAfterMs: pollDelay(waited),
    }
  },

  /** The Content Posting API cannot delete or hide a post: a person removes it in the TikTok app. */
  async remove(channel, remoteId) {
    return {
      manual: `TikTok không cho ứng dụng xóa hay ẩn bài qua API: cần người gỡ bài ${remoteId} trong ứng dụng TikTok của tài khoản "${channel.name}".`,
    }
  },

  async publish(channel, outbound, context) {
    const tiktok = tiktokClient(channel, context)
    const saved = readProgress(outbound.progress)
    if (saved) return checkStatus(tiktok, saved)

    const creator = await tiktok.call<CreatorInfo>('/v2/post/publish/creator_info/query/')
    const privacy = channel.settings.tiktokPrivacyLevel!
    const offered = creator.privacy_level_options ?? []
    if (!offered.includes(privacy)) {
      throw new ChannelError(
        `Tài khoản TikTok không cho chọn quyền riêng tư "${tiktokPrivacyLevels.label(privacy)}" (chỉ có: ${offered.map((o) => tiktokPrivacyLevels.label(o)).join(', ') || 'không có lựa chọn nào'}); cần sửa cấu hình kênh.`,
        'permanent',
      )
    }
    const maxSeconds = creator.max_video_post_duration_sec
    const duration = outbound.content.durationSeconds
    if (!isPhoto(outbound) && maxSeconds && duration && duration > maxSeconds) {
      throw new ChannelError(
        `Video dài ${duration} giây, vượt thời lượng tối đa ${maxSeconds} giây mà tài khoản TikTok được đăng.`,
        'permanent',
      )
    }
    const progress = (publishId: string): Progress => ({
      publishId,
      since: Date.now(),
      username: creator.creator_username,
      photo: isPhoto(outbound),
    })
    const disableComment = !!(channel.settings.tiktokDisableComment || creator.comment_disabled)

    takeInitSlot(channel.id)
    if (isPhoto(outbound)) {
      const { publish_id } = await tiktok.call<{ publish_id?: string }>(
        '/v2/post/publish/content/init/',
        {
          post_info: {
            title: outbound.content.title,
            description: outboundText(outbound),
            privacy_level: privacy,
            disable_comment: disableComment,
            auto_add_music: true,
          },
          source_info: {
            source: TikTokVideoSource.PullFromUrl,
            photo_cover_index: 0,
            photo_images: [outbound.content.imageUrl],
          },
          post_mode: 'DIRECT_POST',
          media_type: 'PHOTO',
        },
        true,
      )
      return accepted(channel, context, progress(needId(publish_id)))
    }

    const file = outbound.content.videoFile!
    const post_info = {
      title: videoCaption(outbound),
      privacy_level: privacy,
      disable_comment: disableComment,
      disable_duet: !!creator.duet_disabled,
      disable_stitch: !!creator.stitch_disabled,
      video_cover_timestamp_ms: 1000,
    }
    if (
      (channel.settings.tiktokVideoSource ?? TikTokVideoSource.PullFromUrl) !==
      TikTokVideoSource.FileUpload
    ) {
      const { publish_id } = await tiktok.call<{ publish_id?: string }>(
        '/v2/post/publish/video/init/',
        { post_info, source_info: { source: TikTokVideoSource.PullFromUrl, video_url: file.url } },
        true,
      )
      return accepted(channel, context, progress(needId(publish_id)))
    }
    // FILE_UPLOAD: the bytes come from our media folder. The publish_id is kept only once the last
    // chunk is in: a failed upload is started afresh (TikTok drops an upload left unfinished).
    const filePath = path.join(mediaDir(), path.basename(file.filename))
    let size: number
    try {
      size = (await fs.stat(filePath)).size
    } catch {
      throw new ChannelError(
        `Không đọc được tệp video "${file.filename}" trong thư viện.`,
        'permanent',
      )
    }
    const plan = chunkPlan(size)
    const { publish_id, upload_url } = await tiktok.call<{
      publish_id?: string
      upload_url?: string
    }>('/v2/post/publish/video/init/', {
      post_info,
      source_info: {
        source: TikTokVideoSource.FileUpload,
        video_size: size,
        chunk_size: plan.chunkSize,
        total_chunk_count: plan.count,
      },
    })
    if (!upload_url) throw new ChannelError('TikTok không trả về địa chỉ tải tệp lên.', 'retry')
    await uploadChunks(channel, upload_url, filePath, size, plan, file.mimeType ?? 'video/mp4')
    return accepted(channel, context, progress(needId(publish_id)))
  },
}

const needId = (id?: string) => {
  if (!id) throw new ChannelError('TikTok không trả về mã bài đăng (publish_id).', 'retry')
  return id
}

/** TikTok has the post: keep its publish_id at once, then check on it shortly. */
async function accepted(
  channel: ChannelInfo,
  context: { checkpoint: (p: string) => Promise<void> },
  progress: Progress,
) {
  await context.checkpoint(PREFIX + JSON.stringify(progress))
  return {
    pending: { checkAfterMs: POLL_FIRST_MS },
    remoteId: progress.publishId,
    message: `TikTok đã nhận bài (publish_id ${progress.publishId}) cho kênh "${channel.name}"; đang chờ TikTok xử lý.`,
  }
}

/** Sends the file's chunks in order (PUT upload_url with Content-Range); 206 until the last, then 201. */
async function uploadChunks(
  channel: ChannelInfo,
  uploadUrl: string,
  filePath: string,
  size: number,
  plan: { chunkSize: number; count: number },
  mimeType: string,
) {
  const handle = await fs.open(filePath, 'r')
  try {
    for (let i = 0; i < plan.count; i++) {
      const first = i * plan.chunkSize
      const last = i === plan.count - 1 ? size - 1 : first + plan.chunkSize - 1
      const chunk = Buffer.alloc(last - first + 1)
      await handle.read(chunk, 0, chunk.length, first)
      const res = await request(uploadUrl, {
        method: 'PUT',
        // The last chunk completes the post: its answer lost, the post may exist.
        creates: i === plan.count - 1,
        timeoutMs: Math.max(channel.settings.timeoutMs ?? 15_000, 60_000),
        headers: {
          'content-type': mimeType,
          'content-length': String(chunk.length),
          'content-range': `bytes ${first}-${last}/${size}`,
        },
        body: chunk,
      })
      const expected = i === plan.count - 1 ? 201 : 206
      if (res.status !== expected && !(res.status >= 200 && res.status < 300)) {
        throw (
          tiktokFailure(res) ??
          new ChannelError(
            `TikTok không nhận phần tệp ${i + 1}/${plan.count}.`,
            'retry',
            res.status,
          )
        )
      }
    }
  } finally {
    await handle.close()
  }
}

/** Asks how the post is going: published, failed for good, or still processing (ask again later). */
async function checkStatus(tiktok: ReturnType<typeof tiktokClient>, progress: Progress) {
  const data = await tiktok.call<StatusData>('/v2/post/publish/status/fetch/', {
    publish_id: progress.publishId,
  })
  const status = data.status ?? ''
  if (status === 'PUBLISH_COMPLETE' || status === 'SEND_TO_USER_INBOX') {
    const postId = data.publicaly_available_post_id?.[0]
    const id = postId !== undefined ? String(postId) : undefined
    const url =
      id && progress.username
        ? `https://www.tiktok.com/@${progress.username}/${progress.photo ? 'photo' : 'video'}/${id}`
        : undefined
    return {
      remoteId: id ?? progress.publishId,
      url,
      message: id
        ? `Đã đăng thành công lên TikTok (mã bài ${id}).`
        : 'Đã đăng thành công lên TikTok (bài không công khai nên TikTok không cho mã bài).',
    }
  }
  if (status === 'FAILED') {
    const reason = data.fail_reason ?? ''
    throw new ChannelError(
      `TikTok không đăng được bài: ${FAIL_REASONS[reason] ?? (reason || 'không rõ lý do')} (fail_reason: ${reason || 'không có'}).`,
      'permanent',
    )
  }
  const elapsed = Date.now() - progress.since
  if (elapsed > GIVE_UP_MS) {
    throw new ChannelError(
      `TikTok vẫn chưa xử lý xong bài sau ${Math.round(elapsed / 3600_000)} giờ (trạng thái ${status || 'không rõ'}); cần kiểm tra trên TikTok.`,
      'permanent',
    )
  }
  const moved = data.downloaded_bytes ?? data.uploaded_bytes
  return {
    pending: { checkAfterMs: pollDelay(elapsed) },
    remoteId: progress.publishId,
    message: `TikTok đang xử lý bài đăng (${status || 'chưa rõ trạng thái'}${moved ? `, đã nhận ${moved} byte` : ''}); sẽ kiểm tra lại.`,
  }
}
