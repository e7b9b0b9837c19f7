/** Vietnamese: the sign-up, sign-in, e-mail verification, password reset and invitation pages (loaded with them). */
export const viAuth = {
  signUp: {
    title: 'Đăng ký tài khoản',
    intro:
      'Dành cho trí thức, chuyên gia, nhà khoa học muốn tham gia Mạng lưới. Tài khoản cán bộ cơ quan do quản trị viên cấp qua thư mời.',
    submit: 'Đăng ký',
    privacyTitle: 'Thông báo xử lý dữ liệu cá nhân',
    privacyVersion: 'Phiên bản {{version}}',
    privacyUnavailable: 'Chưa tải được nội dung thông báo. Bạn có thể xem tại trang Quyền riêng tư.',
    privacyPageLink: 'Mở trang Quyền riêng tư',
    doneTitle: 'Vui lòng kiểm tra hộp thư',
    doneBody:
      'Chúng tôi đã gửi thư xác minh tới {{email}}. Hãy mở thư và bấm vào đường liên kết để kích hoạt tài khoản. Nếu không thấy thư, hãy kiểm tra thư mục thư rác.',
    haveAccount: 'Đã có tài khoản?',
  },
  signIn: {
    title: 'Đăng nhập',
    submit: 'Đăng nhập',
    forgot: 'Quên mật khẩu?',
    noAccount: 'Chưa có tài khoản?',
    unverifiedHelp: 'Hãy mở thư xác minh chúng tôi đã gửi, hoặc yêu cầu gửi lại thư.',
    resend: 'Gửi lại thư xác minh',
    resendDone: 'Nếu địa chỉ này đã đăng ký và chưa xác minh, một thư xác minh mới đã được gửi.',
    expired: 'Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.',
  },
  verify: {
    title: 'Xác minh địa chỉ e-mail',
    pending: 'Đang xác minh…',
    done: 'Địa chỉ e-mail đã được xác minh. Bạn có thể đăng nhập.',
    missingToken: 'Đường liên kết thiếu mã xác minh. Vui lòng mở lại đường liên kết trong thư.',
    resendTitle: 'Gửi lại thư xác minh',
    resendIntro: 'Nhập địa chỉ e-mail đã đăng ký để nhận đường liên kết mới.',
    resendSubmit: 'Gửi lại',
  },
  forgot: {
    title: 'Quên mật khẩu',
    intro: 'Nhập địa chỉ e-mail của tài khoản. Chúng tôi sẽ gửi đường liên kết để đặt lại mật khẩu.',
    submit: 'Gửi đường liên kết',
    done: 'Nếu địa chỉ này có tài khoản, một thư hướng dẫn đặt lại mật khẩu đã được gửi. Đường liên kết chỉ dùng được một lần.',
    back: 'Quay lại đăng nhập',
  },
  reset: {
    title: 'Đặt lại mật khẩu',
    intro: 'Chọn mật khẩu mới cho tài khoản của bạn.',
    submit: 'Lưu mật khẩu mới',
    done: 'Mật khẩu đã được đặt lại. Vui lòng đăng nhập bằng mật khẩu mới.',
    missingToken: 'Đường liên kết thiếu mã đặt lại mật khẩu. Vui lòng mở lại đường liên kết trong thư.',
    requestNew: 'Yêu cầu đường liên kết mới',
  },
  invitation: {
    title: 'Nhận lời mời tham gia',
    intro: 'Quản trị viên đã tạo tài khoản cán bộ cho bạn. Hãy đặt mật khẩu để kích hoạt tài khoản.',
    submit: 'Kích hoạt tài khoản',
    done: 'Tài khoản đã được kích hoạt. Vui lòng đăng nhập.',
    missingToken: 'Đường liên kết thiếu mã mời. Vui lòng mở lại đường liên kết trong thư mời.',
  },
};
