/** One demo account per role (two editors: one at the newspaper, one at the radio-TV station). */
import type { Role } from '@/vocabulary'
import type { UnitKey } from './units'

export type UserSeed = { email: string; fullName: string; role: Role; unit?: UnitKey }

export const USERS: UserSeed[] = [
  { email: 'admin@demo.tayninh.vn', fullName: 'Nguyễn Hoàng Phúc', role: 'admin', unit: 'stttt' },
  {
    email: 'quanly@demo.tayninh.vn',
    fullName: 'Trần Thị Bích Ngọc',
    role: 'campaign-manager',
    unit: 'stttt',
  },
  { email: 'bientap.bao@demo.tayninh.vn', fullName: 'Lê Minh Tâm', role: 'editor', unit: 'bao' },
  {
    email: 'bientap.dai@demo.tayninh.vn',
    fullName: 'Phạm Thanh Hương',
    role: 'editor',
    unit: 'dai',
  },
  {
    email: 'congtacvien@demo.tayninh.vn',
    fullName: 'Võ Quốc Huy',
    role: 'contributor',
    unit: 'dai',
  },
  { email: 'xem@demo.tayninh.vn', fullName: 'Đặng Thu Trang', role: 'viewer', unit: 'snv' },
  // Reads and accepts (for the parent) the reports of the units below Sở KH&CN (its centre).
  {
    email: 'lanhdao.skhcn@demo.tayninh.vn',
    fullName: 'Huỳnh Văn Lợi',
    role: 'unit-manager',
    unit: 'skhcn',
  },
]
