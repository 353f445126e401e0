import { l, vocabulary } from './define'

/** The four kinds of content, each a collection of its own. */
export const ContentKind = {
  Articles: 'articles',
  Videos: 'videos',
  Infographics: 'infographics',
  Events: 'events',
} as const
export type ContentKind = (typeof ContentKind)[keyof typeof ContentKind]

export const contentKinds = vocabulary<ContentKind>({
  articles: l('Tin, bài', 'Articles'),
  videos: l('Video, phát thanh', 'Videos'),
  infographics: l('Infographic', 'Infographics'),
  events: l('Sự kiện', 'Events'),
})

export const CONTENT_KINDS = contentKinds.values

/** Payload's draft state of a content document (`_status`). */
export const DocStatus = { Draft: 'draft', Published: 'published' } as const
export type DocStatus = (typeof DocStatus)[keyof typeof DocStatus]

/** Kinds within each content collection. */
export const videoKinds = vocabulary({
  'tv-programme': l('Chương trình truyền hình', 'TV programme'),
  reportage: l('Phóng sự', 'Reportage'),
  dialogue: l('Đối thoại', 'Dialogue'),
  'series-episode': l('Tập chuyên đề', 'Series episode'),
  clip: l('Clip ngắn', 'Short clip'),
  'radio-programme': l('Chương trình phát thanh (âm thanh)', 'Radio programme (audio)'),
})

export const infographicKinds = vocabulary({
  infographic: l('Đồ họa thông tin', 'Infographic'),
  poster: l('Pa-nô, áp phích', 'Poster'),
  'motion-graphic': l('Đồ họa chuyển động', 'Motion graphic'),
})

export const eventKinds = vocabulary({
  conference: l('Hội nghị', 'Conference'),
  workshop: l('Hội thảo', 'Workshop'),
  talk: l('Tọa đàm', 'Talk'),
  exhibition: l('Triển lãm', 'Exhibition'),
  'travelling-display': l('Trưng bày lưu động', 'Travelling display'),
  contest: l('Cuộc thi', 'Contest'),
  'dx-day': l('Ngày / Tháng chuyển đổi số', 'Digital-transformation day/month'),
  training: l('Lớp tập huấn, bồi dưỡng', 'Training course'),
  'award-ceremony': l('Lễ khen thưởng', 'Award ceremony'),
})

/** Whether an event took place: only `held` events count as held. */
export const EventStatus = {
  Planned: 'planned',
  Confirmed: 'confirmed',
  Postponed: 'postponed',
  Cancelled: 'cancelled',
  Held: 'held',
} as const
export type EventStatus = (typeof EventStatus)[keyof typeof EventStatus]

export const eventStatuses = vocabulary<EventStatus>({
  planned: l('Dự kiến', 'Planned'),
  confirmed: l('Đã xác nhận', 'Confirmed'),
  postponed: l('Hoãn', 'Postponed'),
  cancelled: l('Hủy', 'Cancelled'),
  held: l('Đã tổ chức', 'Held'),
})

/** What a media file is, judged from its content (see collections/Media/fileKinds.ts). */
export const mediaKinds = vocabulary({
  image: l('Ảnh', 'Image'),
  video: l('Video', 'Video'),
  audio: l('Âm thanh', 'Audio'),
  document: l('Tài liệu PDF', 'PDF document'),
  captions: l('Phụ đề', 'Captions'),
})
export type MediaKind = (typeof mediaKinds.values)[number]
