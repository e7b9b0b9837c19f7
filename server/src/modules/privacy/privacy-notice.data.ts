import type { PrivacyNoticeContent } from './privacy.schemas.js';

/** The first structured notice (Law 91/2025/QH15, Decree 356/2025/NĐ-CP); later versions come through the API. */
export const DEFAULT_PRIVACY_NOTICE: { version: string; publishedAt: string; content: PrivacyNoticeContent } = {
  version: '2026-12-01',
  publishedAt: '2026-12-01T00:00:00.000Z',
  content: {
    vi: {
      controller:
        'Bên kiểm soát dữ liệu: Ủy ban nhân dân thành phố Hải Phòng (cơ quan vận hành Mạng lưới Trí thức Hải Phòng theo Kế hoạch 09/KH-UBND).',
      purposes: [
        {
          purpose: 'registry_profile',
          text: 'Quản lý tài khoản và hồ sơ chuyên gia trong cơ sở dữ liệu của thành phố (bắt buộc để có tài khoản).',
        },
        {
          purpose: 'public_profile',
          text: 'Công khai hồ sơ (các phần bạn chọn công khai) trên danh bạ chuyên gia (Điều 16 Luật 91/2025/QH15).',
        },
        { purpose: 'share_with_agencies', text: 'Chia sẻ các phần "chỉ cơ quan" với cơ quan nhà nước tìm chuyên gia.' },
        { purpose: 'consultation_invitations', text: 'Mời bạn tham gia tư vấn, phản biện, giám định.' },
        { purpose: 'program_assessment', text: 'Đánh giá trong các chương trình thu hút, đãi ngộ trí thức.' },
        { purpose: 'award_nomination', text: 'Đề cử khen thưởng, tôn vinh.' },
      ],
      dataCategories:
        'Dữ liệu cơ bản: họ tên, e-mail, năm sinh, giới tính, học hàm, học vị, quá trình công tác, công trình, địa bàn. Không thu thập dữ liệu nhạy cảm.',
      retention:
        'Lưu khi tài khoản còn hoạt động. Hồ sơ không được cập nhật trong 3 năm sẽ được hỏi xác nhận; không trả lời sau 60 ngày thì rời khỏi danh bạ công khai (không bị xoá).',
      rights:
        'Quyền của bạn (Điều 4 Luật 91/2025/QH15): được biết, đồng ý hoặc không, rút lại đồng ý; xem, chỉnh sửa; yêu cầu cung cấp, xoá, hạn chế xử lý; phản đối xử lý; khiếu nại. Yêu cầu được xác nhận trong 2 ngày làm việc (Nghị định 356/2025/NĐ-CP).',
    },
    en: {
      controller: 'Controller: the People’s Committee of Hải Phòng city (which runs the Hai Phong Expert Network under Plan 09/KH-UBND).',
      purposes: [
        {
          purpose: 'registry_profile',
          text: 'Running your account and expert profile in the city’s registry (required to have an account).',
        },
        {
          purpose: 'public_profile',
          text: 'Publishing your profile (the sections you make public) in the expert directory (Art. 16, Law 91/2025/QH15).',
        },
        { purpose: 'share_with_agencies', text: 'Sharing your "agencies only" sections with public agencies looking for experts.' },
        { purpose: 'consultation_invitations', text: 'Inviting you to consultation, critical review and appraisal panels.' },
        { purpose: 'program_assessment', text: 'Assessment in the city’s talent attraction programmes.' },
        { purpose: 'award_nomination', text: 'Nomination for awards and honours.' },
      ],
      dataCategories:
        'Basic data: name, e-mail, birth year, gender, titles, degrees, positions, publications, location. No sensitive data is collected.',
      retention:
        'Kept while the account is active. A profile untouched for 3 years is asked to confirm; without an answer after 60 days it leaves the public directory (it is not deleted).',
      rights:
        'Your rights (Art. 4, Law 91/2025/QH15): to be informed; to consent, refuse and withdraw consent; to view and correct; to request provision, deletion or restriction; to object; to complain. Requests are acknowledged within 2 working days (Decree 356/2025/NĐ-CP).',
    },
    legal: [
      {
        document: 'Luật 91/2025/QH15',
        article: 'Art. 4, 9, 16',
        link: 'https://thuviennhadat.vn/vbpl/luat-bao-ve-du-lieu-ca-nhan-2025-so-91-2025-qh15-625628.html',
        certainty: 'V',
      },
      {
        document: 'Nghị định 356/2025/NĐ-CP',
        article: '',
        link: 'https://thuviennhadat.vn/vbpl/nghi-dinh-356-2025-nd-cp-huong-dan-luat-bao-ve-du-lieu-ca-nhan-687428.html',
        certainty: 'V',
      },
    ],
  },
};
