import type { ReportDomain } from './reports.schemas.js';

/** A figure a section of the yearly report expects, given by a domain's provider when it exists. */
export interface ExpectedFigure {
  code: string;
  domain: ReportDomain | 'dialogues' | 'reports';
  labelVi: string;
  labelEn: string;
}
export interface PlanSection {
  code: string;
  titleVi: string;
  titleEn: string;
  tasks: Array<{ code: string; textVi: string; textEn: string }>;
  figures: ExpectedFigure[];
}

const f = (code: string, domain: ExpectedFigure['domain'], labelVi: string, labelEn: string): ExpectedFigure => ({
  code,
  domain,
  labelVi,
  labelEn,
});

/**
 * The yearly report's sections: the tasks of Plan 09/KH-UBND (13/01/2020, implementing Conclusion
 * 52-KL/TW), each with the figures the platform can know. Domains not built yet (programs, awards,
 * dialogues) are listed so the report shows them as "not yet available" rather than as zero.
 */
export const PLAN_09 = {
  reference: 'Kế hoạch số 09/KH-UBND ngày 13/01/2020 của UBND thành phố Hải Phòng',
  sections: [
    {
      code: 'II.1',
      titleVi: 'Thông tin, tuyên truyền, nâng cao nhận thức về vai trò của đội ngũ trí thức',
      titleEn: 'Information and awareness of the role of intellectuals',
      tasks: [
        {
          code: 'II.1.c',
          textVi: 'Người đứng đầu thường xuyên tổ chức đối thoại với đội ngũ trí thức',
          textEn: 'Heads of agencies hold regular dialogues with intellectuals',
        },
        {
          code: 'II.1.d',
          textVi: 'Thi đua, khen thưởng, tôn vinh trí thức giỏi, tài năng',
          textEn: 'Emulation, awards and honours for outstanding and talented intellectuals',
        },
      ],
      figures: [
        f('dialogues.held', 'dialogues', 'Số cuộc đối thoại với trí thức', 'Dialogues held with intellectuals'),
        f('awards.nominations', 'awards', 'Số đề cử khen thưởng', 'Award nominations'),
        f('awards.awarded', 'awards', 'Số trí thức được khen thưởng', 'Intellectuals honoured'),
        f('awards.awarded_nominations', 'awards', 'Số đề cử được khen thưởng', 'Nominations awarded'),
      ],
    },
    {
      code: 'II.2',
      titleVi: 'Hoàn thiện cơ chế, chính sách; trọng dụng, phát huy đội ngũ trí thức',
      titleEn: 'Policies and conditions to employ and develop intellectuals',
      tasks: [
        {
          code: 'II.2.a',
          textVi: 'Khuyến khích, thu hút đội ngũ trí thức trong và ngoài nước cống hiến cho thành phố',
          textEn: 'Encourage and attract intellectuals at home and abroad to work for the city',
        },
        {
          code: 'II.2.h',
          textVi: 'Tuyển dụng, thu hút sinh viên tốt nghiệp xuất sắc, cán bộ khoa học trẻ',
          textEn: 'Recruit and attract excellent graduates and young scientists',
        },
        {
          code: 'II.2.m',
          textVi: 'Phát huy hoạt động tư vấn, phản biện, giám định của nhà khoa học, chuyên gia',
          textEn: 'Make use of scientists’ and experts’ consultation, critical review and appraisal',
        },
      ],
      figures: [
        f('experts.total', 'experts', 'Số chuyên gia, trí thức trong cơ sở dữ liệu', 'Experts in the network'),
        f('experts.new', 'experts', 'Số hồ sơ mới trong năm', 'New profiles in the year'),
        f('experts.verified', 'experts', 'Số hồ sơ đã được xác minh', 'Verified profiles'),
        f('experts.overseas', 'experts', 'Số trí thức ở nước ngoài', 'Experts living overseas'),
        f('programs.applications', 'programs', 'Số hồ sơ đăng ký chính sách thu hút', 'Attraction applications'),
        f('programs.eligible', 'programs', 'Số hồ sơ đủ điều kiện khi nộp', 'Applications eligible at submission'),
        f('programs.approved', 'programs', 'Số hồ sơ được chấp thuận', 'Applications approved'),
        f('programs.rejected', 'programs', 'Số hồ sơ không được chấp thuận', 'Applications rejected'),
        f('programs.commitments_active', 'programs', 'Số cam kết đang thực hiện', 'Commitments in force'),
        f('programs.commitments_ended', 'programs', 'Số cam kết đã kết thúc', 'Commitments ended'),
        f('consultations.total', 'consultations', 'Số yêu cầu tư vấn, phản biện, giám định', 'Consultations requested'),
        f('consultations.sent', 'consultations', 'Số ý kiến chuyên gia đã gửi', 'Opinions delivered'),
        f('consultations.days_to_opinion', 'consultations', 'Thời gian trung bình đến khi có ý kiến (ngày)', 'Average days to opinion'),
        f('consultations.rating_average', 'consultations', 'Mức độ hữu ích bình quân (1–5)', 'Average usefulness (1–5)'),
      ],
    },
    {
      code: 'II.3',
      titleVi: 'Nâng cao chất lượng hoạt động của các hội trí thức',
      titleEn: 'Quality of the intellectuals’ associations',
      tasks: [
        {
          code: 'II.3.a',
          textVi: 'Củng cố, phát triển, đổi mới hoạt động của Liên hiệp các Hội KH&KT và các hội trí thức',
          textEn: 'Strengthen, develop and renew the Union of Science and Technology Associations and the intellectuals’ associations',
        },
        {
          code: 'II.3.d',
          textVi: 'Mở rộng kênh tiếp nhận thông tin, bảo đảm quyền lợi của trí thức khi tư vấn, phản biện',
          textEn: 'Widen the channels for intellectuals’ input and protect their rights when they advise and review',
        },
      ],
      figures: [
        f('curation.members', 'curation', 'Số hội viên được xác nhận', 'Approved association members'),
        f('curation.verifications', 'curation', 'Số mục hồ sơ được hội xác minh trong năm', 'Items verified by associations in the year'),
        f('curation.imported_rows', 'curation', 'Số hồ sơ nhập từ danh sách hội viên', 'Profiles imported from member lists'),
      ],
    },
    {
      code: 'III',
      titleVi: 'Tổ chức thực hiện và chế độ báo cáo',
      titleEn: 'Implementation and reporting',
      tasks: [
        {
          code: 'III',
          textVi: 'Các cơ quan, đơn vị định kỳ hằng năm báo cáo UBND thành phố thông qua Sở Khoa học và Công nghệ',
          textEn: 'Agencies report yearly to the City People’s Committee through the Department of Science and Technology',
        },
      ],
      figures: [
        f('reports.submitted', 'reports', 'Số báo cáo của cơ quan, đơn vị đã gửi', 'Agency reports submitted'),
        f('reports.accepted', 'reports', 'Số báo cáo đã được Sở KH&CN tiếp nhận', 'Agency reports accepted'),
      ],
    },
  ] satisfies PlanSection[],
};
