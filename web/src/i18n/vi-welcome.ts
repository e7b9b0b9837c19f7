/** Vietnamese: the public home page and the signed-in greeting (loaded with the home page; the role cards: vi-home.ts). */
export const viWelcome = {
  home: {
    title: 'Mạng lưới Trí thức Hải Phòng',
    lead: 'Nền tảng số kết nối đội ngũ trí thức, chuyên gia, nhà khoa học với các cơ quan, đơn vị, địa phương của thành phố Hải Phòng.',
    basis:
      'Mạng lưới phục vụ triển khai Kế hoạch số 09/KH-UBND ngày 13/01/2020 của Ủy ban nhân dân thành phố thực hiện Kết luận số 52-KL/TW của Ban Bí thư về xây dựng đội ngũ trí thức trong thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước.',
    purposeTitle: 'Mạng lưới dùng để làm gì',
    purposeRegistry: 'Cơ sở dữ liệu trí thức, chuyên gia do chính các nhà khoa học tự khai báo và cập nhật.',
    purposeConsultation: 'Cán bộ các cơ quan tìm chuyên gia theo lĩnh vực, trình độ, địa bàn và lập danh sách chuyên gia để liên hệ.',
    purposeCuration: 'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố tập hợp hội viên, xác minh hồ sơ và bằng cấp.',
    purposePolicies: 'Mời tư vấn, chương trình thu hút và đề cử khen thưởng sẽ được bổ sung dần; trang này chỉ nêu những gì đã dùng được.',
    audienceTitle: 'Dành cho ai',
    expertsTitle: 'Trí thức, chuyên gia, nhà khoa học',
    expertsBody: 'Tạo hồ sơ chuyên môn, tự quyết định phần nào công khai, gia nhập hội và đề nghị xác minh bằng cấp, chức danh.',
    agenciesTitle: 'Cơ quan, đơn vị, địa phương',
    agenciesBody: 'Tìm đúng chuyên gia theo lĩnh vực, trình độ, ngoại ngữ và địa bàn; lưu vào danh sách và xuất CSV.',
    unionTitle: 'Liên hiệp các Hội KH&KT và hội thành viên',
    unionBody: 'Duyệt hội viên, xác minh thông tin hồ sơ, gộp hồ sơ trùng và nhập danh sách hội viên từ tệp.',
    privacyNote:
      'Thông tin cá nhân được xử lý theo Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân: bạn có quyền xem, sửa, tải về và xóa dữ liệu của mình.',
    ctaSignUp: 'Đăng ký tài khoản chuyên gia',
    ctaSignIn: 'Đăng nhập',
    ctaAccount: 'Đến tài khoản của tôi',
    greeting: 'Xin chào, {{name}}',
    roleLead: 'Việc của bạn hôm nay',
    ctaProfile: 'Cập nhật hồ sơ của tôi',
    accountDeleted: 'Tài khoản và hồ sơ của bạn đã được xóa. Cảm ơn bạn đã tham gia Mạng lưới.',
  },
};
