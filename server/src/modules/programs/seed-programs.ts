import type { ProgramContentInput } from './programs.schemas.js';

/**
 * The programs in force, encoded from ../shared/policy/POLICY-FACTS.md §2–3 as faithfully as the
 * sources allow. Every criterion or amount the facts mark [P] or [U] carries `toConfirm` and its
 * source, so the officer's view lists what to check against the official text. Seeded once per
 * database at start-up (a version is inserted only when the code does not exist yet).
 */

const BAOTINTUC =
  'https://baotintuc.vn/chinh-sach-va-cuoc-song/hai-phong-thong-qua-nghi-quyet-thu-hut-trong-dung-nhan-tai-20251211174111898.htm';
const DANTRI =
  'https://dantri.com.vn/giao-duc/thuong-tuyen-dung-tu-150-trieu-cho-sinh-vien-thac-si-giao-su-500-trieu-20251229081717681.htm';
const VNEXPRESS_HP = 'https://vnexpress.net/hai-phong-du-chi-75-ty-dong-thu-hut-nhan-luc-chat-luong-cao-4988672.html';
const SGGP = 'https://www.sggp.org.vn/sinh-vien-tot-nghiep-xuat-sac-duoc-ho-tro-150-trieu-dong-khi-tuyen-dung-post828566.html';
const VIETNAM_VN = 'https://www.vietnam.vn/en/hai-phong-thong-qua-nghi-quyet-thu-hut-trong-dung-nhan-tai';
const VNECONOMY_263 = 'https://vneconomy.vn/tieu-chuan-va-loat-uu-dai-doi-voi-nha-khoa-hoc-va-ky-su-tre-tai-nang.htm';
const THANHNIEN_263 = 'https://thanhnien.vn/ky-su-tre-tai-nang-duoc-huong-phu-cap-tang-them-bang-150-luong-185251018100812015.htm';
const VNEXPRESS_263 = 'https://vnexpress.net/lay-y-kien-ve-tieu-chuan-nha-khoa-hoc-tre-ky-su-tre-tai-nang-4927959.html';

const hp53 = (certainty: 'V' | 'P' | 'U', link: string, article = '') => ({
  ref: `Nghị quyết 53/2025/NQ-HĐND${article ? `, ${article}` : ''}`,
  link,
  certainty,
});
const d263 = (certainty: 'V' | 'P' | 'U', link: string) => ({ ref: 'Nghị định 263/2025/NĐ-CP', link, certainty });
const t = (vi: string, en: string) => ({ vi, en });

export const RESOLUTION_53_CODE = 'hp-nq53-2025';
export const DECREE_263_CODE = 'nd263-2025-young-talent';

export const resolution53: ProgramContentInput = {
  title: t(
    'Thu hút nhân tài và nguồn nhân lực chất lượng cao (Nghị quyết 53/2025/NQ-HĐND)',
    'Attracting talent and high-quality human resources (Resolution 53/2025/NQ-HĐND)',
  ),
  summary: t(
    'Hỗ trợ một lần 150–500 triệu đồng và hỗ trợ thu nhập hằng tháng cho người được tuyển dụng, tiếp nhận vào cơ quan, đơn vị của thành phố Hải Phòng, cam kết công tác ít nhất 5 năm trong lĩnh vực thành phố cần. Hiệu lực từ 01/01/2026.',
    'A one-time support of VND 150–500 million and monthly income support for people recruited or transferred into Hai Phong city agencies and public units who commit to work at least 5 years in a field the city needs. In force from 1 January 2026.',
  ),
  agency: 'Sở Nội vụ thành phố Hải Phòng',
  legalBasis: [
    {
      number: '53/2025/NQ-HĐND',
      title: 'Chính sách thu hút, trọng dụng nhân tài và nguồn nhân lực chất lượng cao TP Hải Phòng đến năm 2030, tầm nhìn 2050',
      date: '2025-12-11',
      article: '',
      link: BAOTINTUC,
      certainty: 'V',
    },
  ],
  targetGroups: [
    {
      code: 'excellent_graduate',
      label: t(
        'Học sinh, sinh viên có thành tích xuất sắc; tốt nghiệp loại giỏi, xuất sắc',
        'Outstanding pupils and students; graduates with good or excellent grades',
      ),
    },
    { code: 'master', label: t('Thạc sĩ, bác sĩ/dược sĩ chuyên khoa I', 'Master, specialist doctor/pharmacist level I') },
    { code: 'resident_doctor', label: t('Bác sĩ nội trú', 'Resident doctor') },
    { code: 'doctorate', label: t('Tiến sĩ, bác sĩ/dược sĩ chuyên khoa II', 'Doctor, specialist doctor/pharmacist level II') },
    { code: 'professor', label: t('Giáo sư, phó giáo sư', 'Professor, associate professor') },
    {
      code: 'applied_research',
      label: t('Người có công trình nghiên cứu được công nhận, ứng dụng hiệu quả', 'People with recognised research applied effectively'),
    },
    {
      code: 'in_house_talent',
      label: t(
        'Cán bộ, công chức, viên chức hoàn thành tốt, xuất sắc nhiệm vụ (trọng dụng)',
        'Civil servants performing well or excellently (use of in-house talent)',
      ),
    },
    {
      code: 'experts',
      label: t(
        'Chuyên gia, nhà khoa học, nhà quản lý, lao động có tay nghề cao từ nơi khác',
        'Experts, scientists, managers and skilled workers from other sectors or localities',
      ),
    },
  ],
  benefits: [
    {
      group: 'excellent_graduate',
      label: t('Sinh viên tốt nghiệp xuất sắc', 'Excellent graduate'),
      oneTimeVnd: 150_000_000,
      monthlyMinWageMultiple: 1.5,
      source: { ref: 'NQ 53/2025 (báo SGGP)', link: SGGP, certainty: 'V' },
    },
    {
      group: 'master',
      label: t('Thạc sĩ, BSCK I, DSCK I', 'Master, specialist level I'),
      oneTimeVnd: 200_000_000,
      monthlyMinWageMultiple: 2,
      toConfirm: true,
      source: { ref: 'NQ 53/2025 — hệ số thu nhập theo dự thảo', link: VNEXPRESS_HP, certainty: 'P' },
    },
    {
      group: 'resident_doctor',
      label: t('Bác sĩ nội trú', 'Resident doctor'),
      oneTimeVnd: 250_000_000,
      monthlyMinWageMultiple: null,
      toConfirm: true,
      note: t('Hệ số hỗ trợ thu nhập chưa xác định được trong nguồn.', 'Income multiple not found in the sources.'),
      source: { ref: 'NQ 53/2025 (báo Dân trí)', link: DANTRI, certainty: 'V' },
    },
    {
      group: 'doctorate',
      label: t('Tiến sĩ, BSCK II, DSCK II', 'Doctorate, specialist level II'),
      oneTimeVnd: 300_000_000,
      monthlyMinWageMultiple: 3,
      toConfirm: true,
      source: { ref: 'NQ 53/2025 — hệ số thu nhập theo dự thảo', link: VNEXPRESS_HP, certainty: 'P' },
    },
    {
      group: 'associate_professor',
      label: t('Phó giáo sư', 'Associate professor'),
      oneTimeVnd: 400_000_000,
      monthlyMinWageMultiple: 4,
      toConfirm: true,
      source: { ref: 'NQ 53/2025 — hệ số thu nhập theo dự thảo', link: VNEXPRESS_HP, certainty: 'P' },
    },
    {
      group: 'professor',
      label: t('Giáo sư', 'Professor'),
      oneTimeVnd: 500_000_000,
      monthlyMinWageMultiple: 4,
      toConfirm: true,
      note: t(
        'Người đủ điều kiện ở nhiều mức: nguồn bị cắt; tạm tính mức cao nhất, cán bộ cần kiểm tra.',
        'Several levels met: the source is cut off; the highest level is assumed, to be checked by the officer.',
      ),
      source: { ref: 'NQ 53/2025 — hệ số thu nhập theo dự thảo', link: VNEXPRESS_HP, certainty: 'P' },
    },
  ],
  applicationWindow: { opensOn: '2026-01-01', closesOn: null },
  requiredDocuments: [
    { code: 'cv', label: t('Sơ yếu lý lịch', 'Curriculum vitae'), required: true },
    { code: 'degrees', label: t('Bản sao văn bằng, bảng điểm', 'Copies of degrees and transcripts'), required: true },
    {
      code: 'title_decision',
      label: t('Quyết định công nhận chức danh GS/PGS (nếu có)', 'GS/PGS title decision (if any)'),
      required: false,
    },
    { code: 'recruitment_decision', label: t('Quyết định tuyển dụng hoặc tiếp nhận', 'Recruitment or transfer decision'), required: true },
    { code: 'commitment', label: t('Bản cam kết công tác ít nhất 5 năm', 'Commitment to work at least 5 years'), required: true },
  ],
  serviceCommitment: {
    years: 5,
    conditions: t(
      'Công tác tại cơ quan, đơn vị của thành phố, đúng lĩnh vực thành phố cần trong năm hoặc giai đoạn. Hoàn trả khi vi phạm cam kết: chưa xác minh.',
      'Work for a city agency or unit in the field the city needs for that year or period. Refund on breach: not verified.',
    ),
    source: hp53('V', DANTRI),
  },
  rules: {
    schemaVersion: 1,
    requirements: {
      id: 'HP53',
      kind: 'all',
      label: t('Điều kiện chung', 'General conditions'),
      of: [
        {
          id: 'HP53-SCOPE',
          kind: 'declared',
          fact: 'recruited_by_city_unit',
          op: 'is_true',
          label: t(
            'Được tuyển dụng hoặc tiếp nhận vào cơ quan Đảng, Nhà nước, MTTQ, tổ chức chính trị - xã hội hoặc đơn vị sự nghiệp do thành phố quản lý',
            'Recruited or transferred into a Party, State or mass-organisation agency or public unit managed by the city',
          ),
          source: hp53('V', BAOTINTUC),
        },
        {
          id: 'HP53-FIELD',
          kind: 'any',
          label: t('Lĩnh vực thành phố ưu tiên hoặc cần trong năm', 'A field the city prioritises or needs this year'),
          source: hp53('V', VIETNAM_VN),
          of: [
            {
              id: 'HP53-FIELD-SECTOR',
              kind: 'sector',
              anyOf: [
                'education',
                'information_technology',
                'marine_economy',
                'seaport',
                'logistics',
                'tourism',
                'culture_society',
                'high_tech_industry',
                'clean_technology',
                'ecological_agriculture',
              ],
              label: t('Ngành của hồ sơ thuộc danh mục ưu tiên', 'A profile sector in the priority list'),
              toConfirm: true,
              source: hp53('P', VIETNAM_VN),
            },
            {
              id: 'HP53-FIELD-NEEDED',
              kind: 'declared',
              fact: 'field_needed_by_city',
              op: 'is_true',
              label: t(
                'Vị trí tuyển dụng thuộc lĩnh vực thành phố cần (theo danh mục hằng năm)',
                'The post is in a field the city needs (yearly list)',
              ),
              source: hp53('V', DANTRI),
            },
          ],
        },
        {
          id: 'HP53-AGE',
          kind: 'any',
          label: t('Còn ít nhất 10 năm công tác (trừ GS, PGS)', 'At least 10 working years left (GS and PGS exempt)'),
          source: hp53('V', DANTRI),
          of: [
            {
              id: 'HP53-AGE-YEARS',
              kind: 'remaining_working_years',
              min: 10,
              retirementAge: { male: 62, female: 60, other: 62 },
              label: t('Thời gian công tác còn lại ≥ 10 năm', 'Remaining working years ≥ 10'),
              toConfirm: true,
              source: { ref: 'Tuổi nghỉ hưu theo Bộ luật Lao động 2019 / NĐ 135/2020 (lộ trình; dùng mức cuối)', certainty: 'U' },
            },
            { id: 'HP53-AGE-TITLE', kind: 'title', min: 'PGS', label: t('Là GS hoặc PGS', 'Is GS or PGS'), source: hp53('V', DANTRI) },
          ],
        },
        {
          id: 'HP53-COMMIT',
          kind: 'declared',
          fact: 'commit_5_years',
          op: 'is_true',
          label: t('Cam kết công tác ít nhất 5 năm', 'Commits to work at least 5 years'),
          source: hp53('V', DANTRI),
        },
      ],
    },
    groups: [
      {
        code: 'excellent_graduate',
        label: t('Sinh viên tốt nghiệp xuất sắc', 'Excellent graduate'),
        when: {
          id: 'HP53-G1',
          kind: 'graduation_grade',
          min: 'xuat_sac',
          fact: 'graduation_grade',
          label: t('Tốt nghiệp đại học loại xuất sắc', 'Graduated with an excellent grade'),
          source: hp53('V', DANTRI),
        },
      },
      {
        code: 'master',
        label: t('Thạc sĩ, BSCK I, DSCK I', 'Master, specialist level I'),
        when: {
          id: 'HP53-G2',
          kind: 'degree',
          min: 'ThS',
          label: t('Thạc sĩ hoặc CK I trở lên', 'Master or specialist I or higher'),
          source: hp53('V', DANTRI),
        },
      },
      {
        code: 'resident_doctor',
        label: t('Bác sĩ nội trú', 'Resident doctor'),
        when: { id: 'HP53-G3', kind: 'degree', anyOf: ['BSNT'], label: t('Bác sĩ nội trú', 'Resident doctor'), source: hp53('V', DANTRI) },
      },
      {
        code: 'doctorate',
        label: t('Tiến sĩ, BSCK II, DSCK II', 'Doctorate, specialist level II'),
        when: {
          id: 'HP53-G4',
          kind: 'degree',
          min: 'TS',
          label: t('Tiến sĩ hoặc CK II trở lên', 'Doctorate or specialist II or higher'),
          source: hp53('V', DANTRI),
        },
      },
      {
        code: 'associate_professor',
        label: t('Phó giáo sư', 'Associate professor'),
        when: {
          id: 'HP53-G5',
          kind: 'title',
          min: 'PGS',
          label: t('Chức danh PGS', 'Associate professor title'),
          source: hp53('V', DANTRI),
        },
      },
      {
        code: 'professor',
        label: t('Giáo sư', 'Professor'),
        when: {
          id: 'HP53-G6',
          kind: 'title',
          min: 'GS',
          label: t('Chức danh GS (hoặc đạt chuẩn GS)', 'Professor title (or meets the GS standard)'),
          source: hp53('V', DANTRI),
        },
      },
    ],
    declaredFacts: [
      {
        key: 'recruited_by_city_unit',
        type: 'boolean',
        evidenceRequired: true,
        label: t(
          'Tôi đã/sẽ được tuyển dụng, tiếp nhận vào cơ quan, đơn vị của thành phố',
          'I am (to be) recruited or transferred into a city agency or unit',
        ),
      },
      {
        key: 'field_needed_by_city',
        type: 'boolean',
        evidenceRequired: false,
        label: t('Vị trí thuộc lĩnh vực thành phố cần', 'The post is in a field the city needs'),
      },
      {
        key: 'commit_5_years',
        type: 'boolean',
        evidenceRequired: true,
        label: t('Tôi cam kết công tác ít nhất 5 năm', 'I commit to work at least 5 years'),
      },
      {
        key: 'graduation_grade',
        type: 'choice',
        evidenceRequired: true,
        label: t('Xếp loại tốt nghiệp đại học', 'University graduation grade'),
        options: [
          { value: 'kha', label: t('Khá', 'Fairly good') },
          { value: 'gioi', label: t('Giỏi', 'Good') },
          { value: 'xuat_sac', label: t('Xuất sắc', 'Excellent') },
        ],
      },
    ],
  },
};

export const decree263: ProgramContentInput = {
  title: t(
    'Nhà khoa học trẻ, kỹ sư trẻ tài năng (Nghị định 263/2025/NĐ-CP)',
    'Talented young scientists and engineers (Decree 263/2025/NĐ-CP)',
  ),
  summary: t(
    'Công dân Việt Nam dưới 35 tuổi đang hoạt động khoa học, công nghệ và đổi mới sáng tạo, có thành tích nổi bật: ưu tiên tuyển dụng, phụ cấp thêm 150% lương trong 5 năm (kỹ sư trẻ), hỗ trợ nhóm nghiên cứu mạnh và đào tạo ở nước ngoài.',
    'Vietnamese citizens under 35 active in science, technology and innovation with outstanding results: priority recruitment, an extra 150% salary allowance for 5 years (young engineers), support for strong research groups and training abroad.',
  ),
  agency: 'Sở Khoa học và Công nghệ thành phố Hải Phòng',
  legalBasis: [
    {
      number: '263/2025/NĐ-CP',
      title: 'Quy định chi tiết Luật KH, CN và ĐMST về tự chủ, nhân lực, nhân tài và giải thưởng',
      date: null,
      article: 'Art. 40(3)(a) (phụ cấp)',
      link: VNECONOMY_263,
      certainty: 'P',
    },
    {
      number: '93/2025/QH15',
      title: 'Luật Khoa học, công nghệ và đổi mới sáng tạo',
      date: '2025-06-27',
      article: 'Art. 14 (hành vi bị cấm)',
      link: 'https://vneconomy.vn/ban-hanh-ke-hoach-trien-khai-thi-hanh-luat-khoa-hoc-cong-nghe-va-doi-moi-sang-tao.htm',
      certainty: 'V',
    },
  ],
  targetGroups: [
    { code: 'young_engineer', label: t('Kỹ sư trẻ tài năng', 'Talented young engineer') },
    { code: 'young_scientist', label: t('Nhà khoa học trẻ tài năng', 'Talented young scientist') },
  ],
  benefits: [
    {
      group: 'young_engineer',
      label: t('Kỹ sư trẻ tài năng', 'Talented young engineer'),
      oneTimeVnd: null,
      monthlyMinWageMultiple: null,
      note: t(
        'Phụ cấp thêm 150% lương trong 5 năm kể từ quyết định tuyển dụng; ưu tiên tuyển dụng.',
        'Extra allowance of 150% of salary for 5 years from recruitment; priority recruitment.',
      ),
      source: d263('V', THANHNIEN_263),
    },
    {
      group: 'young_scientist',
      label: t('Nhà khoa học trẻ tài năng', 'Talented young scientist'),
      oneTimeVnd: null,
      monthlyMinWageMultiple: null,
      note: t(
        'Ưu tiên tuyển dụng, hỗ trợ nhóm nghiên cứu mạnh, kinh phí ý tưởng, thực tập và đào tạo ở nước ngoài, giao chủ trì nhiệm vụ.',
        'Priority recruitment, strong research group support, funding for ideas, internships and training abroad, leading STI tasks.',
      ),
      source: d263('V', VNECONOMY_263),
    },
  ],
  applicationWindow: { opensOn: '2025-10-01', closesOn: null },
  requiredDocuments: [
    { code: 'cv', label: t('Sơ yếu lý lịch khoa học', 'Scientific CV'), required: true },
    { code: 'degrees', label: t('Bản sao văn bằng', 'Copies of degrees'), required: true },
    {
      code: 'achievements',
      label: t(
        'Minh chứng thành tích (bài báo, sáng chế, giải thưởng, nhiệm vụ)',
        'Evidence of achievements (papers, inventions, awards, tasks)',
      ),
      required: true,
    },
  ],
  serviceCommitment: null,
  rules: {
    schemaVersion: 1,
    requirements: {
      id: 'D263',
      kind: 'all',
      label: t('Điều kiện chung', 'General conditions'),
      of: [
        {
          id: 'D263-CITIZEN',
          kind: 'declared',
          fact: 'vietnamese_citizen',
          op: 'is_true',
          label: t('Công dân Việt Nam', 'Vietnamese citizen'),
          source: d263('V', VNECONOMY_263),
        },
        { id: 'D263-AGE', kind: 'age', max: 35, strict: true, label: t('Dưới 35 tuổi', 'Under 35'), source: d263('V', VNECONOMY_263) },
        {
          id: 'D263-ACTIVE',
          kind: 'declared',
          fact: 'active_in_sti',
          op: 'is_true',
          label: t('Đang hoạt động KH, CN và ĐMST', 'Currently active in STI'),
          source: d263('V', VNECONOMY_263),
        },
        {
          id: 'D263-ETHICS',
          kind: 'declared',
          fact: 'no_prohibited_acts',
          op: 'is_true',
          label: t(
            'Lý lịch rõ ràng, đạo đức tốt, không vi phạm Điều 14 Luật KH, CN và ĐMST',
            'Clear background, good ethics, no act prohibited by Art. 14 of the STI Law',
          ),
          source: d263('V', VNECONOMY_263),
        },
      ],
    },
    groups: [
      {
        code: 'young_engineer',
        label: t('Kỹ sư trẻ tài năng', 'Talented young engineer'),
        when: {
          id: 'TYE',
          kind: 'all',
          label: t('Kỹ sư trẻ tài năng', 'Talented young engineer'),
          source: d263('V', THANHNIEN_263),
          of: [
            {
              id: 'TYE-DEGREE',
              kind: 'degree',
              min: 'DH',
              label: t('Tốt nghiệp đại học trở lên', 'Bachelor or higher'),
              source: d263('V', THANHNIEN_263),
            },
            {
              id: 'TYE-ANY',
              kind: 'any',
              label: t('Có ít nhất một thành tích', 'At least one achievement'),
              of: [
                {
                  id: 'TYE-PROJECT',
                  kind: 'declared',
                  fact: 'rd_project_key_role',
                  op: 'is_true',
                  label: t(
                    'Chủ trì, thành viên chính hoặc kỹ sư trưởng dự án R&D, chuyển giao, đổi mới có hiệu quả cao',
                    'Lead, key member or chief engineer of a highly effective R&D, transfer or innovation project',
                  ),
                  source: d263('V', THANHNIEN_263),
                },
                {
                  id: 'TYE-PATENT',
                  kind: 'patents',
                  min: 1,
                  status: 'granted_applied',
                  fact: 'applied_inventions',
                  label: t('Tác giả ≥ 1 sáng chế được bảo hộ và ứng dụng', 'Author of ≥ 1 protected invention applied in practice'),
                  source: d263('V', THANHNIEN_263),
                },
                {
                  id: 'TYE-PRODUCT',
                  kind: 'declared',
                  fact: 'new_product_key_role',
                  op: 'is_true',
                  label: t(
                    'Vai trò chính thiết kế, chế tạo, thử nghiệm sản phẩm kỹ thuật mới',
                    'Key role in designing, building and testing a new technical product',
                  ),
                  source: d263('V', THANHNIEN_263),
                },
                {
                  id: 'TYE-PAPERS',
                  kind: 'publications',
                  min: 3,
                  role: 'main_author',
                  indexed: true,
                  fact: 'main_author_prestigious_articles',
                  label: t(
                    'Tác giả chính ≥ 3 bài trên tạp chí quốc tế uy tín',
                    'Main author of ≥ 3 articles in prestigious international journals',
                  ),
                  source: d263('V', THANHNIEN_263),
                },
                {
                  id: 'TYE-STARTUP',
                  kind: 'declared',
                  fact: 'startup_founder',
                  op: 'is_true',
                  label: t(
                    'Sáng lập hoặc đồng sáng lập doanh nghiệp khởi nghiệp sáng tạo',
                    'Founder or co-founder of an innovative start-up',
                  ),
                  toConfirm: true,
                  source: d263('U', THANHNIEN_263),
                },
              ],
            },
          ],
        },
      },
      {
        code: 'young_scientist',
        label: t('Nhà khoa học trẻ tài năng', 'Talented young scientist'),
        when: {
          id: 'TYS',
          kind: 'all',
          label: t('Nhà khoa học trẻ tài năng', 'Talented young scientist'),
          source: d263('V', VNECONOMY_263),
          of: [
            {
              id: 'TYS-DEGREE',
              kind: 'degree',
              min: 'TS',
              label: t('Có bằng tiến sĩ', 'Holds a doctorate'),
              source: d263('V', VNECONOMY_263),
            },
            {
              id: 'TYS-ANY',
              kind: 'any',
              label: t('Có ít nhất một thành tích', 'At least one achievement'),
              of: [
                {
                  id: 'TYS-AWARD',
                  kind: 'awards',
                  min: 1,
                  prestigious: true,
                  fact: 'prestigious_sti_awards',
                  label: t(
                    'Đạt giải thưởng KH, CN và ĐMST uy tín trong nước hoặc quốc tế',
                    'Won a prestigious domestic or international STI award',
                  ),
                  source: d263('V', VNECONOMY_263),
                },
                {
                  id: 'TYS-PAPERS',
                  kind: 'publications',
                  min: 5,
                  role: 'main_author',
                  indexed: true,
                  fact: 'main_author_prestigious_articles',
                  label: t(
                    'Tác giả chính ≥ 5 bài trên tạp chí quốc tế uy tín (danh mục Bộ KH&CN)',
                    'Main author of ≥ 5 articles in prestigious international journals (MOST list)',
                  ),
                  source: d263('V', VNECONOMY_263),
                },
                {
                  id: 'TYS-TASK',
                  kind: 'projects_led',
                  min: 1,
                  levels: ['national'],
                  passedEvaluation: true,
                  fact: 'national_tasks_led_passed',
                  label: t(
                    'Chủ nhiệm nhiệm vụ thuộc chương trình KH, CN và ĐMST quốc gia, nghiệm thu đạt',
                    'Led a national STI programme task that passed its final evaluation',
                  ),
                  source: d263('V', VNECONOMY_263),
                },
                {
                  id: 'TYS-SSH',
                  kind: 'all',
                  label: t('Khoa học xã hội và nhân văn (quy định riêng)', 'Social sciences and humanities (alternative rule)'),
                  toConfirm: true,
                  source: { ref: 'Dự thảo NĐ 263/2025 (08/2025) — văn bản chính thức bị cắt', link: VNEXPRESS_263, certainty: 'P' },
                  of: [
                    {
                      id: 'TYS-SSH-FIELD',
                      kind: 'field',
                      anyOf: ['5', '6'],
                      label: t('Hoạt động trong lĩnh vực KHXH&NV', 'Works in social sciences or humanities'),
                      toConfirm: true,
                    },
                    {
                      id: 'TYS-SSH-PAPERS',
                      kind: 'declared',
                      fact: 'ssh_scored_articles',
                      op: 'at_least',
                      value: 5,
                      label: t(
                        '≥ 5 bài trên tạp chí ISSN thuộc danh mục HĐGSNN tính điểm',
                        '≥ 5 articles in ISSN journals on the State Professorship Council list',
                      ),
                      toConfirm: true,
                    },
                    {
                      id: 'TYS-SSH-KEYNOTES',
                      kind: 'declared',
                      fact: 'conference_keynotes',
                      op: 'at_least',
                      value: 3,
                      label: t(
                        '≥ 3 lần báo cáo mời hoặc chủ trì phiên hội thảo quốc gia, quốc tế',
                        '≥ 3 keynote or chairing roles at national or international conferences',
                      ),
                      toConfirm: true,
                    },
                  ],
                },
              ],
            },
          ],
        },
      },
    ],
    declaredFacts: [
      {
        key: 'vietnamese_citizen',
        type: 'boolean',
        evidenceRequired: false,
        label: t('Tôi là công dân Việt Nam', 'I am a Vietnamese citizen'),
      },
      {
        key: 'active_in_sti',
        type: 'boolean',
        evidenceRequired: true,
        label: t('Tôi đang hoạt động KH, CN và ĐMST', 'I am active in science, technology and innovation'),
      },
      {
        key: 'no_prohibited_acts',
        type: 'boolean',
        evidenceRequired: false,
        label: t('Tôi không vi phạm Điều 14 Luật KH, CN và ĐMST', 'I have committed no act prohibited by Art. 14 of the STI Law'),
      },
      {
        key: 'rd_project_key_role',
        type: 'boolean',
        evidenceRequired: true,
        label: t('Vai trò chính trong dự án R&D có hiệu quả cao', 'Key role in a highly effective R&D project'),
      },
      {
        key: 'applied_inventions',
        type: 'number',
        evidenceRequired: true,
        label: t('Số sáng chế được bảo hộ và đã ứng dụng', 'Protected inventions applied in practice'),
      },
      {
        key: 'new_product_key_role',
        type: 'boolean',
        evidenceRequired: true,
        label: t('Vai trò chính với sản phẩm kỹ thuật mới', 'Key role in a new technical product'),
      },
      {
        key: 'main_author_prestigious_articles',
        type: 'number',
        evidenceRequired: true,
        label: t('Số bài tác giả chính trên tạp chí quốc tế uy tín', 'Articles as main author in prestigious international journals'),
      },
      {
        key: 'startup_founder',
        type: 'boolean',
        evidenceRequired: true,
        label: t('Sáng lập/đồng sáng lập doanh nghiệp khởi nghiệp sáng tạo', 'Founder or co-founder of an innovative start-up'),
      },
      {
        key: 'prestigious_sti_awards',
        type: 'number',
        evidenceRequired: true,
        label: t('Số giải thưởng KH, CN và ĐMST uy tín', 'Prestigious STI awards'),
      },
      {
        key: 'national_tasks_led_passed',
        type: 'number',
        evidenceRequired: true,
        label: t('Số nhiệm vụ quốc gia đã chủ nhiệm, nghiệm thu đạt', 'National tasks led that passed evaluation'),
      },
      {
        key: 'ssh_scored_articles',
        type: 'number',
        evidenceRequired: true,
        label: t('Số bài trên tạp chí tính điểm HĐGSNN (KHXH&NV)', 'Articles in scored journals (SSH)'),
      },
      {
        key: 'conference_keynotes',
        type: 'number',
        evidenceRequired: true,
        label: t('Số lần báo cáo mời, chủ trì phiên hội thảo', 'Keynotes or session chairs'),
      },
    ],
  },
};

/** The seeded programs with the organisation (by code) that runs each. */
export const SEEDED_PROGRAMS = [
  { code: RESOLUTION_53_CODE, organisationCode: 'so-noi-vu', content: resolution53 },
  { code: DECREE_263_CODE, organisationCode: 'so-khcn', content: decree263 },
] as const;
