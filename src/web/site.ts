/** The public page's name and words that both Next's pages and the Express server use. */
export const SITE_NAME = 'Chuyên trang Chuyển đổi số'
export const SITE_DESCRIPTION =
  'Tin tức, video, infographic và sự kiện tuyên truyền chuyển đổi số của tỉnh'

/** The 404 page's words (src/app/(frontend)/not-found.tsx and the plain page in notFoundPage.ts). */
export const NOT_FOUND_TEXT = {
  title: 'Không tìm thấy trang',
  lead:
    'Trang bạn tìm không tồn tại, đã bị gỡ hoặc chưa đến thời điểm đăng. Hãy kiểm tra lại đường ' +
    'dẫn, hoặc tìm nội dung bạn cần.',
  searchLabel: 'Tìm trên chuyên trang',
  searchButton: 'Tìm',
  home: '← Về trang chủ',
}
