/**
 * The demo province's units: departments, the two newsrooms, districts and communes. Their history
 * (communes under two former districts until 30/06/2025, merged communes after; the centre moved
 * from Sở TT&TT to Sở KH&CN) is in unitTree.ts.
 */
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
  // Communes of the two former districts that were merged or split on 01/07/2025 (unitTree.ts).
  { key: 'tanbinh', name: 'UBND xã Tân Bình', kind: 'commune', parent: 'tptn' },
  { key: 'ninhson', name: 'UBND phường Ninh Sơn', kind: 'commune', parent: 'tptn' },
  { key: 'ninhthanh', name: 'UBND phường Ninh Thạnh', kind: 'commune', parent: 'tptn' },
  { key: 'thanhbac', name: 'UBND xã Thạnh Bắc', kind: 'commune', parent: 'tanbien' },
  { key: 'tttanbien', name: 'UBND thị trấn Tân Biên', kind: 'commune', parent: 'tanbien' },
  { key: 'thanhbinh', name: 'UBND xã Thạnh Bình', kind: 'commune', parent: 'tanbien' },
  // The communes and wards made on 01/07/2025, directly under the province.
  { key: 'tanninh', name: 'UBND phường Tân Ninh', kind: 'commune', parent: 'ubnd' },
  { key: 'binhminh', name: 'UBND phường Bình Minh', kind: 'commune', parent: 'ubnd' },
  { key: 'xatanbien', name: 'UBND xã Tân Biên', kind: 'commune', parent: 'ubnd' },
  // Sở KH&CN and the centre that passed to it from Sở TT&TT on 01/03/2025 (and took a new name).
  {
    key: 'skhcn',
    name: 'Sở Khoa học và Công nghệ',
    shortName: 'Sở KH&CN',
    kind: 'department',
    parent: 'ubnd',
  },
  {
    key: 'ttcds',
    name: 'Trung tâm Chuyển đổi số tỉnh Tây Ninh',
    shortName: 'TT CĐS',
    kind: 'other',
    parent: 'stttt',
  },
] as const satisfies readonly UnitSeed[]

export type UnitKey = (typeof UNITS)[number]['key']

export const shortNameOf = (key: UnitKey) => {
  const unit: UnitSeed = UNITS.find((u) => u.key === key)!
  return unit.shortName ?? unit.name
}
