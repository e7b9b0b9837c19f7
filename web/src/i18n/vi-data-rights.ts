/** Vietnamese: the data-rights page (merged into vi.ts). */
export const viDataRights = {
  dataRights: {
    title: 'Dữ liệu cá nhân của tôi',
    intro:
      'Theo Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, bạn có quyền biết, tải về, rút lại sự đồng ý và yêu cầu xóa dữ liệu của mình.',
    backToAccount: 'Về trang tài khoản',
    exportTitle: 'Tải về dữ liệu của tôi',
    exportBody:
      'Một tệp JSON gồm thông tin tài khoản, hồ sơ chuyên gia và lịch sử thay đổi, lịch sử đồng ý, các phiên đăng nhập và nhật ký hoạt động liên quan đến bạn.',
    exportButton: 'Tải về (JSON)',
    exported: 'Đã tạo tệp {{file}}.',
    consentsTitle: 'Lịch sử đồng ý',
    consentsIntro: 'Các lần bạn đồng ý hoặc rút lại sự đồng ý với Thông báo xử lý dữ liệu cá nhân.',
    consentsNone: 'Chưa có bản ghi nào.',
    colTime: 'Thời gian',
    colPurpose: 'Nội dung',
    colNotice: 'Phiên bản thông báo',
    colAction: 'Hành động',
    colIp: 'Địa chỉ IP',
    colDevice: 'Thiết bị',
    purposes: { privacy_notice: 'Thông báo xử lý dữ liệu cá nhân' },
    actions: { granted: 'Đồng ý', withdrawn: 'Rút lại' },
    printConsents: 'In lịch sử đồng ý',
    printedFor: 'Tài khoản {{email}} — in lúc {{date}}',
    deleteTitle: 'Xóa tài khoản',
    deleteBody:
      'Tài khoản, hồ sơ chuyên gia, lịch sử hồ sơ, các phiên đăng nhập và lịch sử đồng ý sẽ bị xóa vĩnh viễn và không khôi phục được. Nhật ký hệ thống chỉ giữ một bản ghi ẩn danh rằng một tài khoản đã bị xóa.',
    deleteAdvice: 'Nên tải về dữ liệu của bạn trước khi xóa.',
    deletePhrase: 'XÓA TÀI KHOẢN',
    deleteConfirmLabel: 'Để xác nhận, hãy gõ chính xác: {{phrase}}',
    deleteConfirmMismatch: 'Nội dung gõ vào chưa khớp.',
    deleteButton: 'Xóa vĩnh viễn tài khoản của tôi',
  },
};
