/** Vietnamese: two-step sign-in (account page, sign-in second step); merged into vi.ts. */
export const viSecurity = {
  security: {
    title: 'Đăng nhập hai bước',
    intro:
      'Ngoài mật khẩu, mỗi lần đăng nhập cần thêm một mã 6 chữ số từ ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator, 2FAS…).',
    requiredNotice: 'Vai trò của bạn bắt buộc bật đăng nhập hai bước. Hãy thiết lập ngay để tiếp tục sử dụng các chức năng quản lý.',
    start: 'Thiết lập đăng nhập hai bước',
    step1: 'Cài một ứng dụng xác thực trên điện thoại.',
    step2: 'Trong ứng dụng, chọn thêm tài khoản và quét mã QR này.',
    step3: 'Nhập mã 6 chữ số ứng dụng hiển thị để xác nhận.',
    manualKey: 'Không quét được? Nhập khóa sau vào ứng dụng:',
    qrAlt: 'Mã QR để thêm tài khoản vào ứng dụng xác thực',
    code: 'Mã 6 chữ số',
    enable: 'Bật đăng nhập hai bước',
    on: 'Đang bật',
    codesLeft: 'Còn {{count}} mã khôi phục chưa dùng.',
    codesTitle: 'Mã khôi phục.',
    codesIntro:
      'Mỗi mã dùng được một lần để đăng nhập khi bạn không có điện thoại. Hãy lưu ở nơi an toàn: các mã này chỉ hiển thị một lần.',
    codesFileTitle: 'Mạng lưới Trí thức Hải Phòng — mã khôi phục đăng nhập hai bước (mỗi mã dùng một lần)',
    copy: 'Sao chép',
    copied: 'Đã sao chép',
    download: 'Tải về (.txt)',
    codesSaved: 'Tôi đã lưu các mã',
    regenerateTitle: 'Tạo mã khôi phục mới',
    regenerate: 'Tạo mã mới (các mã cũ hết hiệu lực)',
    codeOrRecovery: 'Mã từ ứng dụng hoặc một mã khôi phục',
    disableTitle: 'Tắt đăng nhập hai bước',
    disable: 'Tắt đăng nhập hai bước',
    policyTitle: 'Bắt buộc đăng nhập hai bước theo vai trò',
    policyIntro:
      'Quản trị viên luôn phải dùng đăng nhập hai bước. Chọn thêm các vai trò cán bộ cũng phải dùng: họ sẽ được yêu cầu thiết lập trước khi tiếp tục làm việc.',
    policySave: 'Lưu',
    policySaved: 'Đã lưu quy định.',
    cannotDisable: 'Vai trò của bạn bắt buộc dùng đăng nhập hai bước nên không thể tắt.',
  },
  signInMfa: {
    mfaTitle: 'Xác minh đăng nhập',
    mfaIntro: 'Mở ứng dụng xác thực trên điện thoại và nhập mã 6 chữ số cho Mạng lưới Trí thức Hải Phòng.',
    mfaCode: 'Mã xác minh',
    mfaHint: 'Không có điện thoại? Nhập một trong các mã khôi phục đã lưu.',
    mfaSubmit: 'Xác minh',
    mfaRestart: 'Đăng nhập lại',
  },
};

export const viMfaErrors = {
  code_invalid: 'Mã không đúng hoặc đã được dùng. Hãy nhập mã mới nhất trong ứng dụng.',
  challenge_invalid: 'Bước xác minh đã hết hạn hoặc đã dùng. Vui lòng đăng nhập lại.',
  not_set_up: 'Hãy bắt đầu thiết lập trước: quét mã QR rồi nhập mã.',
  already_enabled: 'Đăng nhập hai bước đã được bật.',
  not_enabled: 'Đăng nhập hai bước chưa được bật.',
  required_by_policy: 'Vai trò của bạn bắt buộc dùng đăng nhập hai bước nên không thể tắt.',
  wrong_password: 'Mật khẩu không đúng.',
};
