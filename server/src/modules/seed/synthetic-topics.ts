import type { SectorCode } from '../reference/reference.data.js';

/**
 * What a generated expert works on. Every topical text of a generated profile (keywords, fields,
 * sectors, bio, studies, publications, projects) comes from its topics, so the generator knows
 * each profile's true topics and the relevance benchmark can judge a result list against them.
 */
export interface SyntheticTopic {
  id: string;
  /** Keyword phrases as an expert would type them, the most usual first. */
  vi: readonly string[];
  /** English terms for the English bio and publication titles. */
  en: readonly string[];
  /** Classification codes (12/2008 level 2), the most fitting first. */
  fields: readonly string[];
  sectors: readonly SectorCode[];
  /** What such an expert studied. */
  study: string;
}

export const SYNTHETIC_TOPICS: readonly SyntheticTopic[] = [
  t('oncology', ['ung thư', 'ung bướu', 'hóa trị'], ['oncology', 'cancer treatment'], ['302', '301'], ['health'], 'Y học'),
  t('cardiology', ['tim mạch', 'can thiệp tim mạch'], ['cardiology', 'cardiovascular disease'], ['302'], ['health'], 'Y học'),
  t('public_health', ['y tế công cộng', 'dịch tễ học'], ['public health', 'epidemiology'], ['303'], ['health'], 'Y tế công cộng'),
  t(
    'supply_chain',
    ['chuỗi cung ứng', 'quản trị chuỗi cung ứng'],
    ['supply chain management'],
    ['502'],
    ['logistics'],
    'Quản trị kinh doanh',
  ),
  t(
    'logistics',
    ['logistics', 'kho vận', 'logistics xanh'],
    ['logistics', 'green logistics'],
    ['502', '201'],
    ['logistics'],
    'Kinh tế vận tải biển',
  ),
  t(
    'seaport',
    ['cảng biển', 'khai thác cảng', 'cảng container'],
    ['seaport operations', 'container terminals'],
    ['201', '502'],
    ['seaport'],
    'Kinh tế vận tải biển',
  ),
  t('customs', ['hải quan', 'thủ tục hải quan'], ['customs administration'], ['505', '502'], ['import_export'], 'Luật kinh tế'),
  t('trade', ['xuất nhập khẩu', 'thương mại quốc tế'], ['international trade'], ['502'], ['import_export'], 'Kinh tế đối ngoại'),
  t(
    'shipbuilding',
    ['đóng tàu', 'thiết kế tàu thủy'],
    ['shipbuilding', 'naval architecture'],
    ['203'],
    ['marine_economy'],
    'Kỹ thuật tàu thủy',
  ),
  t(
    'maritime_safety',
    ['an toàn hàng hải', 'điều khiển tàu biển'],
    ['maritime safety', 'navigation'],
    ['201'],
    ['marine_economy'],
    'Khoa học hàng hải',
  ),
  t('maritime_law', ['luật hàng hải', 'pháp luật về biển'], ['maritime law', 'law of the sea'], ['505'], ['marine_economy'], 'Luật'),
  t(
    'marine_environment',
    ['môi trường biển', 'ô nhiễm biển'],
    ['marine pollution', 'coastal ecosystems'],
    ['105', '207'],
    ['clean_technology'],
    'Kỹ thuật môi trường',
  ),
  t(
    'eia',
    ['đánh giá tác động môi trường', 'quan trắc môi trường'],
    ['environmental impact assessment'],
    ['207'],
    ['clean_technology'],
    'Kỹ thuật môi trường',
  ),
  t(
    'climate',
    ['biến đổi khí hậu', 'nước biển dâng'],
    ['climate change adaptation', 'sea level rise'],
    ['105'],
    ['clean_technology'],
    'Khoa học môi trường',
  ),
  t(
    'renewable',
    ['năng lượng tái tạo', 'điện gió ngoài khơi'],
    ['renewable energy', 'offshore wind'],
    ['202'],
    ['clean_technology', 'high_tech_industry'],
    'Kỹ thuật điện',
  ),
  t(
    'aquaculture',
    ['nuôi trồng thủy sản', 'thủy sản'],
    ['aquaculture', 'fisheries'],
    ['405'],
    ['ecological_agriculture'],
    'Nuôi trồng thủy sản',
  ),
  t(
    'organic_farming',
    ['nông nghiệp hữu cơ', 'nông nghiệp sinh thái'],
    ['organic farming', 'agroecology'],
    ['401'],
    ['ecological_agriculture'],
    'Khoa học cây trồng',
  ),
  t('tourism', ['du lịch bền vững', 'du lịch biển đảo'], ['sustainable tourism', 'island tourism'], ['507', '502'], ['tourism'], 'Du lịch'),
  t(
    'urban_planning',
    ['quy hoạch đô thị', 'đô thị thông minh'],
    ['urban planning', 'smart cities'],
    ['201', '507'],
    ['culture_society'],
    'Kiến trúc và quy hoạch',
  ),
  t('digital_finance', ['tài chính số', 'ngân hàng số'], ['digital finance', 'fintech'], ['502'], ['finance'], 'Tài chính – Ngân hàng'),
  t(
    'ai',
    ['trí tuệ nhân tạo', 'học máy', 'học sâu'],
    ['artificial intelligence', 'machine learning'],
    ['102'],
    ['information_technology'],
    'Khoa học máy tính',
  ),
  t(
    'iot',
    ['IoT', 'internet vạn vật', 'hệ thống nhúng'],
    ['internet of things', 'embedded systems'],
    ['202', '102'],
    ['information_technology'],
    'Điện tử viễn thông',
  ),
  t(
    'automation',
    ['tự động hóa', 'robot công nghiệp'],
    ['industrial automation', 'robotics'],
    ['202', '203'],
    ['high_tech_industry'],
    'Điện tự động hóa',
  ),
  t(
    'materials',
    ['vật liệu mới', 'vật liệu composite'],
    ['advanced materials', 'composites'],
    ['205'],
    ['high_tech_industry'],
    'Khoa học vật liệu',
  ),
  t('stem', ['giáo dục STEM', 'đổi mới phương pháp dạy học'], ['STEM education', 'teaching innovation'], ['503'], ['education'], 'Sư phạm'),
  t(
    'digital_transformation',
    ['chuyển đổi số', 'chính phủ số'],
    ['digital transformation', 'e-government'],
    ['102', '502'],
    ['information_technology'],
    'Hệ thống thông tin',
  ),
  t(
    'heritage',
    ['di sản văn hóa', 'lịch sử địa phương'],
    ['cultural heritage', 'local history'],
    ['601', '604'],
    ['culture_society'],
    'Lịch sử',
  ),
  t('aviation', ['hàng không', 'quản lý cảng hàng không'], ['aviation', 'airport management'], ['201'], ['airport'], 'Kỹ thuật hàng không'),
];

function t(
  id: string,
  vi: readonly string[],
  en: readonly string[],
  fields: readonly string[],
  sectors: readonly SectorCode[],
  study: string,
): SyntheticTopic {
  return { id, vi, en, fields, sectors, study };
}

export const topicById = new Map(SYNTHETIC_TOPICS.map((topic) => [topic.id, topic]));
