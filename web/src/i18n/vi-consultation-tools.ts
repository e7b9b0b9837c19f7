/** The opinion's PDF and the hand panel builder on the case page (a part, loaded with that page). */
export const viConsultationTools = {
  consultationTools: {
    builder: {
      count: '{{count}}/{{size}} thành viên',
      empty: 'Chưa có ai trong hội đồng dự kiến: bấm “Đề xuất”, thêm từ gợi ý hoặc tìm theo tên.',
      role: 'Vai trò',
      up: 'Đưa {{name}} lên',
      down: 'Đưa {{name}} xuống',
      noChair: 'Hội đồng chưa có chủ tịch.',
      manyChairs: 'Hội đồng có hơn một chủ tịch.',
      overSize: 'Nhiều hơn số thành viên yêu cầu ({{size}}).',
      addByName: 'Thêm theo tên',
      find: 'Tìm',
      add: 'Thêm vào hội đồng',
      added: 'Đã thêm',
    },
    leaveOut: 'Bỏ khỏi đề xuất',
    restore: 'Đưa lại vào đề xuất',
    pdf: 'Tải ý kiến tổng hợp (PDF)',
    pdfEnglish: 'Bản tiếng Anh (PDF)',
  },
};
