import { PRIVACY_NOTICE_VERSION } from './auth.schemas.js';

/**
 * The notice a sign-up consents to (Decree 13/2023/NĐ-CP, Art. 11 and 13). Changing the text
 * means bumping PRIVACY_NOTICE_VERSION, so each consent record names the text it agreed to.
 */
export const privacyNotice = {
  version: PRIVACY_NOTICE_VERSION,
  vi: [
    'Mạng lưới Trí thức Hải Phòng do thành phố Hải Phòng vận hành để thực hiện Kế hoạch 09/KH-UBND về xây dựng đội ngũ trí thức.',
    'Dữ liệu chúng tôi xử lý: họ tên, e-mail, mật khẩu (chỉ lưu dạng băm), và thông tin hồ sơ chuyên môn bạn tự nhập.',
    'Mục đích: quản lý tài khoản, kết nối chuyên gia với các cơ quan để tư vấn, phản biện, giám định; chính sách thu hút và tôn vinh trí thức.',
    'Bạn chọn mức hiển thị cho từng phần hồ sơ: công khai, chỉ cơ quan, hoặc chỉ mình tôi.',
    'Quyền của bạn (Nghị định 13/2023/NĐ-CP): được biết, đồng ý, truy cập, chỉnh sửa, tải về, xoá dữ liệu và rút lại sự đồng ý bất kỳ lúc nào.',
    'Mọi thay đổi được ghi nhật ký kiểm toán. Dữ liệu không được chuyển cho bên thứ ba ngoài mục đích trên.',
  ].join('\n\n'),
  en: [
    'The Hai Phong Expert Network is run by the city of Hải Phòng to carry out Plan 09/KH-UBND on building its intellectual workforce.',
    'Data we process: your name, e-mail, password (stored only as a hash), and the professional profile you enter yourself.',
    'Purposes: running your account; connecting experts with agencies for consultation, critical review and appraisal; the city’s talent attraction and recognition policies.',
    'You choose who sees each section of your profile: the public, agencies only, or only you.',
    'Your rights (Decree 13/2023/ND-CP): to be informed, to consent, to access, correct, download and delete your data, and to withdraw consent at any time.',
    'Every change is recorded in an audit log. Data is not passed to third parties beyond these purposes.',
  ].join('\n\n'),
};
