/**
 * The time-frame parser (no database): the plans' own wordings read as data, the refusals with
 * their Vietnamese reasons, and the years and milestones that reviews and reminders use.
 */
import { describe, expect, it } from 'vitest'
import { activeYears, milestonesOf, parseTimeFrame } from '@/reporting/tasks/timeFrame'

const read = (text: string) => {
  const r = parseTimeFrame(text)
  if (!r.ok) throw new Error(r.error)
  return r.value
}
const refusal = (text: string) => {
  const r = parseTimeFrame(text)
  if (r.ok) throw new Error(`"${text}" was accepted`)
  return r.error
}

describe('parseTimeFrame', () => {
  it('reads yearly and continuous tasks, whatever the spelling', () => {
    for (const t of [
      'Hàng năm',
      'hằng năm',
      'HẰNG NĂM',
      'Hàng năm hoặc giai đoạn 03 năm và tùy vào điều kiện thực tế',
    ])
      expect(read(t)).toMatchObject({ kind: 'yearly', repeatsYearly: true, dueOn: null })
    expect(read('Thực hiện thường xuyên')).toMatchObject({
      kind: 'continuous',
      repeatsYearly: false,
    })
  })

  it('reads a quarter as its last day, with or without "năm", roman or arabic', () => {
    expect(read('Quý II/2022')).toMatchObject({
      kind: 'quarter',
      year: 2022,
      quarter: 2,
      dueOn: '2022-06-30',
    })
    expect(read('Quý II năm 2022')).toMatchObject({ quarter: 2, dueOn: '2022-06-30' })
    expect(read('quý 4/2023')).toMatchObject({ quarter: 4, dueOn: '2023-12-31' })
    expect(read('Quý I năm 2024')).toMatchObject({ quarter: 1, dueOn: '2024-03-31' })
    expect(read('Quý III/2025').dueOn).toBe('2025-09-30')
  })

  it('keeps "and yearly after" with a quarter (Tây Ninh 1155, task 1.b)', () => {
    const tf = read(
      'Quý II năm 2022 hoàn thành thiết lập chuyên trang về chuyển đổi số và hằng năm thường xuyên cập nhật tin, bài viết về chuyển đổi số',
    )
    expect(tf).toMatchObject({
      kind: 'quarter',
      year: 2022,
      quarter: 2,
      dueOn: '2022-06-30',
      repeatsYearly: true,
    })
    const plan = { from: 2022, to: 2025 }
    expect(activeYears(tf, plan)).toEqual([2022, 2023, 2024, 2025])
    expect(milestonesOf(tf, plan)).toEqual([
      { dueOn: '2022-06-30', year: 2022 },
      { dueOn: '2023-12-31', year: 2023 },
      { dueOn: '2024-12-31', year: 2024 },
      { dueOn: '2025-12-31', year: 2025 },
    ])
  })

  it('reads dates in the ways plans write them', () => {
    expect(read('30/6/2023')).toMatchObject({ kind: 'date', year: 2023, dueOn: '2023-06-30' })
    expect(read('Trước ngày 15/12/2024')).toMatchObject({ kind: 'date', dueOn: '2024-12-15' })
    expect(read('ngày 29 tháng 2 năm 2024').dueOn).toBe('2024-02-29')
    expect(read('2025-03-31')).toMatchObject({ kind: 'date', dueOn: '2025-03-31' })
  })

  it('reads ranges of years', () => {
    expect(read('2022-2025')).toMatchObject({ kind: 'range', fromYear: 2022, toYear: 2025 })
    expect(read('2022 - 2030')).toMatchObject({ fromYear: 2022, toYear: 2030 })
    expect(read('Giai đoạn 2022 – 2025')).toMatchObject({ fromYear: 2022, toYear: 2025 })
    expect(read('Từ năm 2023 đến năm 2025')).toMatchObject({ fromYear: 2023, toYear: 2025 })
    expect(read('Năm 2023')).toMatchObject({ kind: 'range', fromYear: 2023, toYear: 2023 })
    const range = read('2022 - 2030')
    expect(activeYears(range, { from: 2022, to: 2025 })).toEqual([2022, 2023, 2024, 2025])
    expect(milestonesOf(range, { from: 2022, to: 2025 })).toEqual([
      { dueOn: '2030-12-31', year: 2030 },
    ])
  })

  it('keeps "when asked" and unread texts as typed, with no milestone', () => {
    const asked = read('Khi có kế hoạch của Bộ Thông tin và Truyền thông')
    expect(asked.kind).toBe('when-asked')
    expect(milestonesOf(asked, { from: 2022, to: 2025 })).toEqual([])
    expect(read('Theo chỉ đạo của UBND tỉnh')).toMatchObject({
      kind: 'other',
      text: 'Theo chỉ đạo của UBND tỉnh',
    })
    expect(milestonesOf(read('Thường xuyên'), { from: 2022, to: 2025 })).toEqual([])
  })

  it('gives a yearly task 31/12 of each plan year', () => {
    expect(milestonesOf(read('Hằng năm'), { from: 2024, to: 2025 })).toEqual([
      { dueOn: '2024-12-31', year: 2024 },
      { dueOn: '2025-12-31', year: 2025 },
    ])
  })

  it('refuses with a reason', () => {
    expect(refusal('')).toBe('Chưa ghi thời gian thực hiện.')
    expect(refusal('Quý V/2022')).toBe('Quý "V" không hợp lệ: quý phải từ I đến IV.')
    expect(refusal('Quý 5 năm 2022')).toBe('Quý "5" không hợp lệ: quý phải từ I đến IV.')
    expect(refusal('31/02/2023')).toBe('Ngày 31/02/2023 không có trong lịch.')
    expect(refusal('29/2/2023')).toBe('Ngày 29/02/2023 không có trong lịch.')
    expect(refusal('2025-2022')).toBe('Giai đoạn 2025-2022 kết thúc trước khi bắt đầu.')
    expect(refusal('Quý II/1999')).toBe('Năm 1999 không hợp lệ: năm phải từ 2000 đến 2100.')
  })
})
