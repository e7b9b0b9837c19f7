/** The opinion's PDF and the hand panel builder on the case page (a part, loaded with that page). */
export const viConsultationTools = {
  consultationTools: {
    leaveOut: 'Bỏ khỏi đề xuất',
    restore: 'Đưa lại vào đề xuất',
    pdf: 'Tải ý kiến tổng hợp (PDF)',
    pdfEnglish: 'Bản tiếng Anh (PDF)',
  },
};
