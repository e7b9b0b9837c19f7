import type { OrganisationKind, Role } from '@hpen/db/enums';

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
  { code: 'so-vh-tt-dl', kind: 'department', nameVi: 'Sở Văn hóa, Thể thao và Du lịch', nameEn: 'Department of Culture, Sports and Tourism' },
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
  { code: 'hoi-tin-hoc', kind: 'association', nameVi: 'Hội Tin học Hải Phòng', nameEn: 'Hai Phong Informatics Association', parent: 'lien-hiep-hoi' },
  { code: 'hoi-y-hoc', kind: 'association', nameVi: 'Hội Y học Hải Phòng', nameEn: 'Hai Phong Medical Association', parent: 'lien-hiep-hoi' },
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
  { code: 'dh-y-duoc', kind: 'university', nameVi: 'Trường Đại học Y Dược Hải Phòng', nameEn: 'Hai Phong University of Medicine and Pharmacy' },
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
