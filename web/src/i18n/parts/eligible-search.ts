import { addMessages } from './add-messages';

export const viEligibleSearch = {
  eligibleSearch: {
    open: 'Lọc theo chính sách thu hút',
    title: 'Chuyên gia đủ điều kiện theo chính sách',
    program: 'Chính sách',
    choose: '— Chọn chính sách —',
    nearly: 'Gồm cả người gần đủ điều kiện',
    counts: '{{eligible}} đủ điều kiện · {{nearly}} gần đủ · trên {{scanned}} hồ sơ',
    assumed: 'Giả định người đó tự khai phù hợp (cần xác nhận với chuyên gia):',
    outcome: { eligible: 'Đủ điều kiện', nearly: 'Gần đủ' },
    asOfPrecomputed: 'Kết quả tính sẵn, tính đến ngày {{date}}.',
    asOfScan: 'Kết quả vừa tính trên toàn bộ hồ sơ, tính đến ngày {{date}}.',
    computing: 'Hệ thống vẫn đang tính lại — số liệu có thể còn tăng.',
  },
};

const en: typeof viEligibleSearch = {
  eligibleSearch: {
    open: 'Filter by talent program',
    title: 'Experts eligible for a program',
    program: 'Program',
    choose: '— Choose a program —',
    nearly: 'Include nearly eligible',
    counts: '{{eligible}} eligible · {{nearly}} nearly · of {{scanned}} profiles',
    assumed: 'Assumes these declarations favourable (to confirm with the expert):',
    outcome: { eligible: 'Eligible', nearly: 'Nearly' },
    asOfPrecomputed: 'Precomputed results, as of {{date}}.',
    asOfScan: 'Computed just now over every profile, as of {{date}}.',
    computing: 'Still computing — figures may grow.',
  },
};

addMessages({ vi: viEligibleSearch, en: async () => en });
