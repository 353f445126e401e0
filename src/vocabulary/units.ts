import { l, vocabulary } from './define'

export const UnitKind = {
  Department: 'department',
  Newspaper: 'newspaper',
  RadioTv: 'radio-tv',
  District: 'district',
  Commune: 'commune',
  Other: 'other',
} as const
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind]

export const unitKinds = vocabulary<UnitKind>({
  department: l('Sở, ban, ngành', 'Department'),
  newspaper: l('Báo', 'Newspaper'),
  'radio-tv': l('Đài Phát thanh - Truyền hình', 'Radio-TV station'),
  district: l('Cấp huyện', 'District'),
  commune: l('Cấp xã', 'Commune'),
  other: l('Khác', 'Other'),
})
