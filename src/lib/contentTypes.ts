import { options } from './i18n'

export const CONTENT_TYPE_OPTIONS = options([
  ['articles', 'Tin, bài', 'Articles'],
  ['videos', 'Video, phát thanh', 'Videos'],
  ['infographics', 'Infographic', 'Infographics'],
  ['events', 'Sự kiện', 'Events'],
])
