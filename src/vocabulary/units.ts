import { l, vocabulary } from './define'

/**
 * Kinds of unit. The first five are the unit types of the provincial training plans (the Bến Tre
 * annexe: UBND tỉnh, UBND huyện, Sở TT&TT, other departments, UBND xã): a plan's need per unit type
 * is its need per unit × the number of active units of that kind.
 */
export const UnitKind = {
  Province: 'province',
  District: 'district',
  Dic: 'dic',
  Department: 'department',
  Commune: 'commune',
  Newspaper: 'newspaper',
  RadioTv: 'radio-tv',
  Other: 'other',
} as const
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind]

export const unitKinds = vocabulary<UnitKind>({
  province: l('UBND tỉnh', 'Provincial People’s Committee'),
  district: l('UBND cấp huyện', 'District level'),
  dic: l('Sở Thông tin và Truyền thông', 'Department of Information and Communications'),
  department: l('Sở, ban, ngành khác', 'Other departments'),
  commune: l('UBND cấp xã', 'Commune level'),
  newspaper: l('Báo', 'Newspaper'),
  'radio-tv': l('Đài Phát thanh - Truyền hình', 'Radio-TV station'),
  other: l('Khác', 'Other'),
})

/**
 * What happens to units over time, each on an effective date (the 2025 restructuring: districts
 * abolished, communes merged, Sở TT&TT merged into Sở KH&CN): the tree keeps both sides.
 */
export const UnitEventKind = {
  Merge: 'merge',
  Split: 'split',
  Rename: 'rename',
  Move: 'move',
} as const
export type UnitEventKind = (typeof UnitEventKind)[keyof typeof UnitEventKind]

export const unitEventKinds = vocabulary<UnitEventKind>({
  merge: l('Sáp nhập (các đơn vị kết thúc, gộp vào một đơn vị)', 'Merge'),
  split: l('Chia tách (một đơn vị kết thúc, chia cho nhiều đơn vị)', 'Split'),
  rename: l('Đổi tên', 'Rename'),
  move: l('Chuyển đơn vị cấp trên', 'Move'),
})
