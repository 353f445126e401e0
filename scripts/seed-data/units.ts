/** The demo province's units: departments, the two newsrooms, districts and two communes. */
import type { UnitKind } from '@/vocabulary'

export type UnitSeed = {
  key: string
  name: string
  shortName?: string
  kind: UnitKind
  /** The key of the parent unit (communes belong to a district). */
  parent?: string
}

export const UNITS = [
  { key: 'ubnd', name: 'UBND tỉnh Tây Ninh', shortName: 'UBND tỉnh', kind: 'province' },
  { key: 'stttt', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT', kind: 'dic' },
  { key: 'snv', name: 'Sở Nội vụ', shortName: 'Sở NV', kind: 'department' },
  { key: 'stc', name: 'Sở Tài chính', shortName: 'Sở TC', kind: 'department' },
  { key: 'sgddt', name: 'Sở Giáo dục và Đào tạo', shortName: 'Sở GD&ĐT', kind: 'department' },
  {
    key: 'sldtbxh',
    name: 'Sở Lao động - Thương binh và Xã hội',
    shortName: 'Sở LĐ-TB&XH',
    kind: 'department',
  },
  { key: 'skhdt', name: 'Sở Kế hoạch và Đầu tư', shortName: 'Sở KH&ĐT', kind: 'department' },
  { key: 'bao', name: 'Báo Tây Ninh', shortName: 'Báo Tây Ninh', kind: 'newspaper' },
  {
    key: 'dai',
    name: 'Đài Phát thanh và Truyền hình Tây Ninh',
    shortName: 'Đài PT-TH Tây Ninh',
    kind: 'radio-tv',
  },
  { key: 'tptn', name: 'UBND thành phố Tây Ninh', shortName: 'UBND TP Tây Ninh', kind: 'district' },
  {
    key: 'trangbang',
    name: 'UBND thị xã Trảng Bàng',
    shortName: 'UBND TX Trảng Bàng',
    kind: 'district',
  },
  {
    key: 'hoathanh',
    name: 'UBND thị xã Hòa Thành',
    shortName: 'UBND TX Hòa Thành',
    kind: 'district',
  },
  {
    key: 'tanbien',
    name: 'UBND huyện Tân Biên',
    shortName: 'UBND huyện Tân Biên',
    kind: 'district',
  },
  { key: 'dmc', name: 'UBND huyện Dương Minh Châu', shortName: 'UBND huyện DMC', kind: 'district' },
  {
    key: 'thanhtan',
    name: 'UBND xã Thạnh Tân',
    shortName: 'UBND xã Thạnh Tân',
    kind: 'commune',
    parent: 'tptn',
  },
  {
    key: 'tanlap',
    name: 'UBND xã Tân Lập',
    shortName: 'UBND xã Tân Lập',
    kind: 'commune',
    parent: 'tanbien',
  },
] as const satisfies readonly UnitSeed[]

export type UnitKey = (typeof UNITS)[number]['key']

export const shortNameOf = (key: UnitKey) => {
  const unit: UnitSeed = UNITS.find((u) => u.key === key)!
  return unit.shortName ?? unit.name
}
