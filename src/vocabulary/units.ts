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
