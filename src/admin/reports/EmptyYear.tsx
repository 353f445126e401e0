import React from 'react'
import { RebuildButton } from './RebuildButton'

/**
 * A year with no figures says why instead of showing zeros: what the page counts, when totals are
 * computed, and how to have them computed now (the button for those who may, a hint for others).
 */
export function EmptyYear({
  year,
  currentYear,
  filtered,
  canRebuild,
  apiRoute,
}: {
  year: number
  currentYear: number
  filtered: boolean
  canRebuild: boolean
  apiRoute: string
}) {
  return (
    <section className="cms-report__empty" aria-labelledby="report-empty" data-empty-year={year}>
      <h2 id="report-empty" className="cms-report__h2">
        Chưa có số liệu nào cho năm {year}
        {filtered ? ' với bộ lọc đã chọn' : ''}
      </h2>
      {year > currentYear && <p>Năm {year} chưa bắt đầu.</p>}
      <p>
        Trang này đếm: tin, bài, sản phẩm đã xuất bản; lượt đăng trên các kênh; lượt phát sóng (phát
        thanh, truyền hình, loa truyền thanh cơ sở) và số phút phát sóng; sự kiện đã tổ chức và số
        người tham dự; kinh phí dự toán và đã chi của các chiến dịch. Mỗi số được tính theo tháng,
        giờ Việt Nam.
      </p>
      <p>
        Số liệu được tổng hợp tự động: mỗi phút, những thay đổi mới được cộng vào; 2 giờ sáng hằng
        ngày, năm hiện tại được tính lại toàn bộ. Số liệu các năm trước chỉ thay đổi khi dữ liệu của
        năm đó thay đổi hoặc khi được tính lại.
      </p>
      {canRebuild ? (
        <>
          <p>
            Nếu năm {year} đã có dữ liệu (ví dụ vừa nhập hoặc chuyển từ hệ thống cũ), hãy tính lại
            số liệu của năm:
          </p>
          <RebuildButton apiRoute={apiRoute} year={year} />
        </>
      ) : (
        <p>
          Nếu năm {year} đã có dữ liệu, hãy đề nghị quản trị hệ thống hoặc quản lý chiến dịch tính
          lại số liệu.
        </p>
      )}
    </section>
  )
}
