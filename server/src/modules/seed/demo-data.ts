import type { OrganisationKind, Role } from '@hpen/db/enums';
import type { ProfileContent } from '../profiles/profiles.schemas.js';

interface DemoOrganisation {
  code: string;
  kind: OrganisationKind;
  nameVi: string;
  nameEn: string;
  parent?: string;
}

/** Organisations named in or implied by Plan 09/KH-UBND; member associations hang off the Union. */
export const demoOrganisations: DemoOrganisation[] = [
  { code: 'so-khcn', kind: 'department', nameVi: 'Sở Khoa học và Công nghệ', nameEn: 'Department of Science and Technology' },
  { code: 'so-noi-vu', kind: 'department', nameVi: 'Sở Nội vụ', nameEn: 'Department of Home Affairs' },
  { code: 'so-y-te', kind: 'department', nameVi: 'Sở Y tế', nameEn: 'Department of Health' },
  { code: 'so-gd-dt', kind: 'department', nameVi: 'Sở Giáo dục và Đào tạo', nameEn: 'Department of Education and Training' },
  {
    code: 'so-vh-tt-dl',
    kind: 'department',
    nameVi: 'Sở Văn hóa, Thể thao và Du lịch',
    nameEn: 'Department of Culture, Sports and Tourism',
  },
  { code: 'so-xay-dung', kind: 'department', nameVi: 'Sở Xây dựng', nameEn: 'Department of Construction' },
  { code: 'quan-hong-bang', kind: 'district', nameVi: 'Quận Hồng Bàng', nameEn: 'Hong Bang District' },
  { code: 'quan-le-chan', kind: 'district', nameVi: 'Quận Lê Chân', nameEn: 'Le Chan District' },
  { code: 'quan-ngo-quyen', kind: 'district', nameVi: 'Quận Ngô Quyền', nameEn: 'Ngo Quyen District' },
  { code: 'huyen-cat-hai', kind: 'district', nameVi: 'Huyện Cát Hải', nameEn: 'Cat Hai District' },
  {
    code: 'lien-hiep-hoi',
    kind: 'union',
    nameVi: 'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng',
    nameEn: 'Hai Phong Union of Science and Technology Associations',
  },
  {
    code: 'hoi-tin-hoc',
    kind: 'association',
    nameVi: 'Hội Tin học Hải Phòng',
    nameEn: 'Hai Phong Informatics Association',
    parent: 'lien-hiep-hoi',
  },
  {
    code: 'hoi-y-hoc',
    kind: 'association',
    nameVi: 'Hội Y học Hải Phòng',
    nameEn: 'Hai Phong Medical Association',
    parent: 'lien-hiep-hoi',
  },
  {
    code: 'hoi-kh-kinh-te',
    kind: 'association',
    nameVi: 'Hội Khoa học Kinh tế Hải Phòng',
    nameEn: 'Hai Phong Association of Economic Sciences',
    parent: 'lien-hiep-hoi',
  },
  {
    code: 'hoi-hang-hai',
    kind: 'association',
    nameVi: 'Hội Khoa học và Công nghệ Hàng hải Hải Phòng',
    nameEn: 'Hai Phong Maritime Science and Technology Association',
    parent: 'lien-hiep-hoi',
  },
  { code: 'dh-hang-hai', kind: 'university', nameVi: 'Trường Đại học Hàng hải Việt Nam', nameEn: 'Vietnam Maritime University' },
  { code: 'dh-hai-phong', kind: 'university', nameVi: 'Trường Đại học Hải Phòng', nameEn: 'Hai Phong University' },
  {
    code: 'dh-y-duoc',
    kind: 'university',
    nameVi: 'Trường Đại học Y Dược Hải Phòng',
    nameEn: 'Hai Phong University of Medicine and Pharmacy',
  },
];

interface DemoAccount {
  email: string;
  fullName: string;
  role: Role;
  organisation: string | null;
}

export const demoAccounts: DemoAccount[] = [
  { email: 'admin@demo.local', fullName: 'Quản trị viên Hệ thống', role: 'admin', organisation: 'so-khcn' },
  { email: 'agency@demo.local', fullName: 'Trần Thị Thu Hà', role: 'agency', organisation: 'so-xay-dung' },
  { email: 'curator@demo.local', fullName: 'Lê Minh Đức', role: 'curator', organisation: 'lien-hiep-hoi' },
  { email: 'officer@demo.local', fullName: 'Phạm Quang Huy', role: 'officer', organisation: 'so-noi-vu' },
  { email: 'expert@demo.local', fullName: 'Nguyễn Văn Hải', role: 'expert', organisation: null },
];

/** The demo expert's own profile: full enough to show every section of the editor and page. */
export const demoExpertProfile: ProfileContent = {
  fullName: 'Nguyễn Văn Hải',
  academicTitle: 'PGS',
  highestDegree: 'TS',
  orcid: '0000-0002-1825-0097',
  birthYear: 1976,
  gender: 'male',
  contact: { email: 'expert@demo.local', phone: '+84 912 345 678' },
  bio: {
    vi: 'Phó Giáo sư, Tiến sĩ ngành Kinh tế vận tải biển. Hơn 20 năm nghiên cứu và tư vấn về khai thác cảng, logistics và kinh tế biển cho thành phố Hải Phòng.',
    en: 'Associate Professor, PhD in maritime transport economics. Over 20 years of research and consulting on port operations, logistics and the marine economy for Hai Phong.',
  },
  fields: [
    { code: '502', primary: true },
    { code: '201', primary: false },
  ],
  keywords: ['logistics', 'cảng biển', 'chuỗi cung ứng', 'kinh tế biển'],
  sectors: ['seaport', 'logistics', 'marine_economy'],
  education: [
    {
      degree: 'DH',
      field: 'Kinh tế vận tải biển',
      institution: 'Trường Đại học Hàng hải Việt Nam',
      country: 'VN',
      year: 1998,
      trainedAbroad: false,
      honours: 'gioi',
    },
    {
      degree: 'TS',
      field: 'Transport Economics',
      institution: 'University of Antwerp',
      country: 'BE',
      year: 2008,
      trainedAbroad: true,
      honours: 'none',
    },
  ],
  positions: [
    { title: 'Giảng viên', organisation: 'Trường Đại học Hàng hải Việt Nam', from: 1998, to: 2012, current: false },
    { title: 'Trưởng khoa Kinh tế', organisation: 'Trường Đại học Hàng hải Việt Nam', from: 2013, to: null, current: true },
  ],
  languages: [
    { code: 'vi', level: 'native' },
    { code: 'en', level: 'C1' },
    { code: 'nl', level: 'B1' },
  ],
  publications: [
    {
      title: 'Port competitiveness in Northern Vietnam',
      authors: 'Nguyễn Văn Hải, Phạm Thị Thu Hương',
      venue: 'Maritime Policy & Management',
      year: 2019,
      type: 'journal_article',
      doi: '10.1080/03088839.2019.1234567',
    },
    {
      title: 'Phát triển logistics xanh tại cảng Lạch Huyện',
      authors: 'Nguyễn Văn Hải',
      venue: 'Tạp chí Khoa học Công nghệ Hàng hải',
      year: 2023,
      type: 'journal_article',
      doi: null,
    },
  ],
  patents: [],
  projects: [
    {
      title: 'Đề án phát triển dịch vụ logistics thành phố Hải Phòng đến 2030',
      role: 'Chủ nhiệm',
      funder: 'Sở KH&CN Hải Phòng',
      level: 'city',
      from: 2021,
      to: 2023,
    },
  ],
  awards: [{ title: 'Bằng khen của UBND thành phố Hải Phòng', issuer: 'UBND thành phố Hải Phòng', year: 2022 }],
  location: { kind: 'haiphong', commune: '11329' }, // Phường Ngô Quyền
  availability: {
    kinds: ['consultation', 'critical_review', 'teaching'],
    modes: ['remote', 'in_person'],
    note: 'Ưu tiên các đề án về cảng biển và logistics.',
  },
  completedReviews: [],
};
