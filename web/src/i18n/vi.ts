import type { viCuration, viCurationErrors, viCurationFieldErrors } from './vi-curation';
import type { viReports, viReportsErrors } from './vi-reports';
import type { viAdmin } from './vi-admin';
import type { viWelcome } from './vi-welcome';
import type { viAccount } from './vi-account';
import type { viAuth } from './vi-auth';
import type { viAudit } from './vi-audit';
import type { viConsultationTools } from './vi-consultation-tools';
import type { viAwards } from './parts/awards';
import type { viPrograms, viProgramsErrors } from './parts/programs';
import type { viOffers } from './parts/offers';
import type { viEligibleSearch } from './parts/eligible-search';
import type { viProgramContent } from './parts/program-content';
import type { viDataRights } from './vi-data-rights';
import type { viPrivacy } from './vi-privacy';
import type { viHome } from './vi-home';
import type { viProfile } from './vi-profile';
import type { viProfileValues } from './vi-profile-values';
import type { viSearch, viSearchErrors } from './vi-search';
import type { viShortlists, viShortlistsErrors } from './vi-shortlists';
import type { viSecurity } from './vi-security';
import type { viConsultations } from './vi-consultations';
import type { viTaxonomyAdmin } from './vi-taxonomy-admin';

/**
 * Vietnamese, the default language: the messages every page may need. Its shape is the source
 * of truth for every other language: en.ts must provide the same keys (checked by the
 * `CoreMessages` type). Larger areas live in vi-*.ts files, loaded with the pages that use
 * them (message-parts.ts).
 */
export const vi = {
  app: {
    name: 'Mạng lưới Trí thức Hải Phòng',
    tagline: 'Kết nối trí thức, chuyên gia, nhà khoa học với thành phố',
    skipToContent: 'Bỏ qua, đến nội dung chính',
    footer: 'Mạng lưới Trí thức Hải Phòng — phục vụ triển khai Kế hoạch số 09/KH-UBND của UBND thành phố Hải Phòng.',
    loading: 'Đang tải…',
  },
  nav: {
    main: 'Điều hướng chính',
    home: 'Trang chủ',
    account: 'Tài khoản của tôi',
    myProfile: 'Hồ sơ của tôi',
    adminUsers: 'Người dùng',
    adminAudit: 'Nhật ký hoạt động',
    adminOrganisations: 'Tổ chức',
    adminPrivacyRequests: 'Yêu cầu dữ liệu cá nhân',
    adminBreaches: 'Sự cố dữ liệu',
    adminTaxonomy: 'Bảng phân loại KH&CN',
    myPrivacy: 'Quyền riêng tư của tôi',
    signIn: 'Đăng nhập',
    signUp: 'Đăng ký',
    signOut: 'Đăng xuất',
    language: 'Ngôn ngữ',
    search: 'Tìm chuyên gia',
    shortlists: 'Danh sách chuyên gia',
    associations: 'Các hội',
    awards: 'Giải thưởng',
    programs: 'Chương trình thu hút',
    offers: 'Vị trí mời chuyên gia',
    commitments: 'Cam kết công tác',
    myAssociations: 'Hội của tôi',
    curation: 'Kiểm duyệt',
    reports: 'Thống kê, báo cáo',
    statistics: 'Thống kê',
    admin: 'Quản trị',
    menu: 'Trình đơn',
  },
  languages: { vi: 'Tiếng Việt', en: 'English' },
  fields: {
    email: 'Địa chỉ e-mail',
    password: 'Mật khẩu',
    newPassword: 'Mật khẩu mới',
    currentPassword: 'Mật khẩu hiện tại',
    fullName: 'Họ và tên',
    locale: 'Ngôn ngữ nhận thông báo',
    role: 'Vai trò',
    organisation: 'Tổ chức',
    status: 'Trạng thái',
    search: 'Tìm theo tên hoặc e-mail',
    acceptPrivacy: 'Tôi đã đọc và đồng ý với Thông báo xử lý dữ liệu cá nhân',
    consentPublicProfile: '(Không bắt buộc) Tôi đồng ý công khai hồ sơ trên danh bạ chuyên gia',
    consentShareAgencies: '(Không bắt buộc) Tôi đồng ý chia sẻ phần "chỉ cơ quan" với cơ quan nhà nước',
    optional: '(không bắt buộc)',
  },
  hints: {
    password: 'Ít nhất 10 ký tự. Nên dùng một cụm từ dễ nhớ nhưng khó đoán.',
    fullName: 'Ghi đầy đủ, có dấu, ví dụ: Nguyễn Văn Hải.',
    invitationFullName: 'Để trống nếu họ tên quản trị viên đã nhập là đúng.',
  },
  password: { show: 'Hiện', hide: 'Ẩn', showLabel: 'Hiện mật khẩu', hideLabel: 'Ẩn mật khẩu' },
  passwordStrength: { weak: 'Quá dễ đoán', fair: 'Tạm được', strong: 'Mạnh' },
  validation: {
    required: 'Vui lòng nhập thông tin này.',
    tooShort: 'Cần ít nhất {{min}} ký tự.',
    tooLong: 'Không được quá {{max}} ký tự.',
    email: 'Địa chỉ e-mail không hợp lệ.',
    acceptPrivacy: 'Bạn cần đồng ý với Thông báo xử lý dữ liệu cá nhân để đăng ký.',
    choose: 'Vui lòng chọn một giá trị.',
    invalid: 'Giá trị không hợp lệ.',
    number: 'Vui lòng nhập một số.',
    numberMin: 'Giá trị phải từ {{min}} trở lên.',
    numberMax: 'Giá trị không được lớn hơn {{max}}.',
    tooMany: 'Tối đa {{max}} mục.',
  },
  errors: {
    auth: {
      email_taken: 'Không thể dùng địa chỉ e-mail này để đăng ký. Nếu đây là e-mail của bạn, hãy đăng nhập hoặc đặt lại mật khẩu.',
      mfa_required: 'Vai trò của bạn cần bật đăng nhập hai bước trước khi dùng chức năng này.',
      token_invalid: 'Đường liên kết không hợp lệ, đã hết hạn hoặc đã được sử dụng.',
      invalid_credentials: 'E-mail hoặc mật khẩu không đúng.',
      email_unverified: 'Địa chỉ e-mail của bạn chưa được xác minh.',
      account_disabled: 'Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên.',
      too_many_attempts: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau {{time}}.',
      unauthenticated: 'Vui lòng đăng nhập để tiếp tục.',
      token_expired: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
      refresh_invalid: 'Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.',
      refresh_reused: 'Để bảo đảm an toàn, phiên đăng nhập đã bị đóng. Vui lòng đăng nhập lại.',
    },
    users: {
      cannot_change_self: 'Bạn không thể thay đổi vai trò hoặc trạng thái của chính mình.',
      organisation_required: 'Tài khoản cán bộ phải thuộc một tổ chức.',
      last_admin: 'Không thể thực hiện: hệ thống phải còn ít nhất một quản trị viên đang hoạt động.',
      not_found: 'Không tìm thấy tài khoản.',
      organisation_not_found: 'Không tìm thấy tổ chức đã chọn.',
    },
    upload: {
      generic: 'Không tải lên được tệp.',
      too_large: 'Tệp quá lớn: mỗi tài liệu tối đa 20 MB.',
      empty: 'Tệp rỗng (0 byte). Hãy chọn lại tài liệu.',
      too_many_files: 'Quá nhiều tệp trong một lần gửi.',
      too_many_fields: 'Biểu mẫu có quá nhiều trường.',
    },
    bad_request: {
      generic: 'Yêu cầu không hợp lệ.',
      invalid_json: 'Yêu cầu không hợp lệ.',
      empty_json: 'Yêu cầu không hợp lệ.',
      body_too_large: 'Dữ liệu gửi lên quá lớn.',
    },
    profiles: {
      not_found: 'Không tìm thấy hồ sơ chuyên gia.',
      no_own_profile: 'Tài khoản này không có hồ sơ chuyên gia.',
      version_conflict: 'Hồ sơ vừa được thay đổi ở nơi khác.',
      claim_not_allowed:
        'Không thể nhận hồ sơ này: hồ sơ đã thuộc về một tài khoản, không có e-mail để xác minh, hoặc hồ sơ hiện tại của bạn đã có nội dung. Vui lòng liên hệ Liên hiệp các Hội KH&KT thành phố.',
    },
    mfa: {
      code_invalid: 'Mã không đúng hoặc đã được dùng. Hãy nhập mã mới nhất trong ứng dụng.',
      challenge_invalid: 'Bước xác minh đã hết hạn hoặc đã dùng. Vui lòng đăng nhập lại.',
      not_set_up: 'Hãy bắt đầu thiết lập trước: quét mã QR rồi nhập mã.',
      already_enabled: 'Đăng nhập hai bước đã được bật.',
      not_enabled: 'Đăng nhập hai bước chưa được bật.',
      required_by_policy: 'Vai trò của bạn bắt buộc dùng đăng nhập hai bước nên không thể tắt.',
      wrong_password: 'Mật khẩu không đúng.',
    },
    consultations: {
      not_found: 'Không tìm thấy yêu cầu.',
      forbidden: 'Bạn không có quyền thực hiện thao tác này với yêu cầu.',
      invalid_state: 'Không thể thực hiện ở bước hiện tại của yêu cầu.',
      conflict_of_interest: 'Có cảnh báo xung đột lợi ích: cần ghi lý do để vẫn mời.',
      expert_not_registered: 'Chuyên gia chưa có tài khoản nên chưa thể mời.',
      invitation_consent_withdrawn: 'Chuyên gia đã rút lại đồng ý nhận lời mời tư vấn, phản biện nên không thể mời.',
      expert_not_found: 'Không tìm thấy chuyên gia.',
      invitation_not_found: 'Không tìm thấy lời mời.',
      invitation_answered: 'Lời mời đã được trả lời.',
      confidentiality_required: 'Cần cam kết bảo mật để nhận lời.',
      conflict_declared: 'Bạn đã khai báo xung đột lợi ích: hãy từ chối lời mời.',
      review_submitted: 'Ý kiến đã nộp, không thể sửa.',
      review_incomplete: 'Cần điền tóm tắt và ý kiến kết luận trước khi nộp.',
      no_reviews: 'Chưa có ý kiến nào được nộp.',
      organisation_invalid: 'Không tìm thấy cơ quan.',
      document_type: 'Chỉ nhận tệp PDF, DOCX, XLSX, JPEG hoặc PNG.',
      document_missing: 'Hãy đính kèm tệp.',
    },
    validation_failed: 'Một số thông tin chưa hợp lệ. Vui lòng kiểm tra lại.',
    forbidden: 'Bạn không có quyền thực hiện thao tác này.',
    not_found: 'Không tìm thấy dữ liệu yêu cầu.',
    rate_limited: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau {{time}}.',
    rate_limited_soon: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
    internal_error: 'Hệ thống gặp sự cố. Vui lòng thử lại sau.',
    network_error: 'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng.',
    unknown: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  },
  fieldErrors: {
    password_weak:
      'Mật khẩu này quá dễ đoán (ký tự lặp lại, dãy số, từ hoặc tên thông dụng như “matkhau”, “haiphong”). Hãy dùng một cụm vài từ không liên quan đến nhau.',
    too_small: 'Giá trị quá ngắn hoặc quá nhỏ.',
    too_big: 'Giá trị quá dài hoặc quá lớn.',
    invalid_format: 'Định dạng không hợp lệ.',
    invalid_type: 'Vui lòng nhập thông tin này.',
    invalid_value: 'Giá trị không hợp lệ.',
    required: 'Vui lòng chọn hoặc nhập thông tin này.',
    not_found: 'Không tìm thấy giá trị đã chọn.',
    control_characters:
      'Có ký tự điều khiển (vô hình, thường lẫn vào khi dán từ tệp PDF hoặc phần mềm khác): hãy xoá chúng hoặc gõ lại đoạn này.',
    invalid_text: 'Văn bản có ký tự lỗi mã hoá: hãy gõ lại đoạn này.',
  },
  time: {
    minutes: '{{count}} phút',
    seconds: '{{count}} giây',
    join: ' ',
  },
  privacy: {
    title: 'Quyền riêng tư và dữ liệu cá nhân',
    version: 'Phiên bản {{version}}',
  },
  pagination: {
    label: 'Phân trang',
    previous: 'Trang trước',
    next: 'Trang sau',
    status: 'Trang {{page}} / {{pages}}',
  },
  roles: {
    expert: 'Chuyên gia',
    agency: 'Cán bộ cơ quan, đơn vị',
    curator: 'Cán bộ Liên hiệp Hội',
    officer: 'Cán bộ quản lý chương trình',
    admin: 'Quản trị viên',
  },
  statuses: {
    invited: 'Đã mời, chưa kích hoạt',
    active: 'Đang hoạt động',
    disabled: 'Đã khóa',
  },
  guard: {
    forbiddenTitle: 'Không có quyền truy cập',
    forbiddenBody: 'Trang này chỉ dành cho quản trị viên. Nếu bạn cần quyền truy cập, vui lòng liên hệ quản trị viên hệ thống.',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    body: 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi.',
    home: 'Về trang chủ',
  },
  common: {
    retry: 'Thử lại',
    loadFailed: 'Không tải được dữ liệu.',
    print: 'In',
  },
  // The shell's part of two-step sign-in and consultations (the rest: i18n/parts/security.ts, consultations.ts).
  security: { start: 'Thiết lập đăng nhập hai bước' },
  notifications: { title: 'Thông báo', unread: '{{count}} chưa đọc' },
  consultations: { navLink: 'Tư vấn, phản biện', publicNav: 'Kết quả phản biện' },
};

export type CoreMessages = typeof vi;

/** Every message key, the core and the parts (typed here, loaded by message-parts.ts). */
export type Messages = CoreMessages &
  typeof viProfile &
  typeof viProfileValues &
  typeof viDataRights &
  typeof viPrivacy &
  typeof viHome &
  typeof viWelcome &
  typeof viAdmin &
  typeof viAccount &
  typeof viAuth &
  typeof viAudit &
  typeof viConsultationTools &
  typeof viAwards &
  typeof viPrograms &
  typeof viOffers &
  typeof viEligibleSearch &
  typeof viProgramContent &
  typeof viSearch &
  typeof viShortlists &
  typeof viSecurity &
  typeof viConsultations &
  typeof viCuration &
  typeof viTaxonomyAdmin &
  typeof viReports & {
    errors: typeof viSearchErrors &
      typeof viShortlistsErrors & {
        curation: typeof viCurationErrors;
        reports: typeof viReportsErrors;
        programs: typeof viProgramsErrors;
      };
    fieldErrors: typeof viCurationFieldErrors;
  };
