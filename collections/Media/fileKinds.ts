/** What the media library accepts, by file extension: the kind (for size limits) and the real types. */
import type { MediaKind } from '@/vocabulary'

export type FileKind = MediaKind

type Accepted = { kind: FileKind; mimes: string[]; text?: 'svg' | 'vtt' }

export const ACCEPTED: Record<string, Accepted> = {
  jpg: { kind: 'image', mimes: ['image/jpeg'] },
  jpeg: { kind: 'image', mimes: ['image/jpeg'] },
  png: { kind: 'image', mimes: ['image/png'] },
  webp: { kind: 'image', mimes: ['image/webp'] },
  gif: { kind: 'image', mimes: ['image/gif'] },
  svg: { kind: 'image', mimes: ['image/svg+xml'], text: 'svg' },
  mp4: { kind: 'video', mimes: ['video/mp4'] },
  webm: { kind: 'video', mimes: ['video/webm', 'audio/webm'] },
  mp3: { kind: 'audio', mimes: ['audio/mpeg'] },
  m4a: { kind: 'audio', mimes: ['audio/x-m4a', 'audio/mp4', 'video/mp4'] },
  pdf: { kind: 'document', mimes: ['application/pdf'] },
  vtt: { kind: 'captions', mimes: ['text/vtt'], text: 'vtt' },
}

/** MIME types handed to Payload's own upload check (which runs after ours). */
export const PAYLOAD_MIME_TYPES = [
  ...new Set(Object.values(ACCEPTED).flatMap((a) => a.mimes)),
  // Payload sees a .vtt file as text/plain; our check has already required a real WebVTT header.
  'text/plain',
]

export const KIND_LABEL: Record<FileKind, string> = {
  image: 'ảnh',
  video: 'video',
  audio: 'âm thanh',
  document: 'tài liệu PDF',
  captions: 'phụ đề WebVTT',
}

export const extensionOf = (filename: string) => (filename.split('.').pop() ?? '').toLowerCase()
