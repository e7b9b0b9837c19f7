/**
 * The judged query set of the relevance benchmark. Each query says how relevant a generated
 * profile is from what the generator knows to be true of it (its topics, name, degree, title):
 * 2 = exactly what was asked, 1 = partly, 0 = not. Names are judged on profiles picked from the
 * data at run time (see nameQueries).
 */
export interface Truth {
  fullName: string;
  /** Topic ids, the main one first (server/src/modules/seed/synthetic-topics.ts). */
  topics: string[];
  degree: string | null;
  title: string | null;
}

export type Grade = 0 | 1 | 2;
export type QueryClass =
  | 'topic'
  | 'topic_diacritics'
  | 'typo'
  | 'english'
  | 'degree_title'
  | 'shared_syllables'
  | 'agency_need'
  | 'name'
  | 'name_diacritics'
  | 'name_order';

export interface JudgedQuery {
  q: string;
  class: QueryClass;
  judge: (truth: Truth) => Grade;
  /** The top hit must be of grade 2 (a name typed with its diacritics), not merely relevant. */
  strictTop1?: boolean;
}

/** Main topic 2, another topic 1. */
const topic =
  (...ids: string[]) =>
  (t: Truth): Grade =>
    ids.includes(t.topics[0]!) ? 2 : t.topics.some((id) => ids.includes(id)) ? 1 : 0;

/** A topic together with a degree or title: both 2, the topic alone at most 1. */
const qualified =
  (accept: (t: Truth) => boolean, ...ids: string[]) =>
  (t: Truth): Grade => {
    const g = topic(...ids)(t);
    return g === 0 ? 0 : accept(t) ? 2 : 1;
  };
const doctor = (t: Truth) => t.degree === 'TS' || t.degree === 'TSKH';

const q = (cls: QueryClass, text: string, judge: JudgedQuery['judge']): JudgedQuery => ({ q: text, class: cls, judge });

/** Topic queries typed both ways: without diacritics (as most people type on a phone) and with. */
const TOPIC_PHRASES: Array<[string, string, string[]]> = [
  ['ung thu', 'ung thư', ['oncology']],
  ['tim mach', 'tim mạch', ['cardiology']],
  ['y te cong cong', 'y tế công cộng', ['public_health']],
  ['dich te hoc', 'dịch tễ học', ['public_health']],
  ['chuoi cung ung', 'chuỗi cung ứng', ['supply_chain']],
  ['logistics', 'logistics', ['logistics']],
  ['kho van', 'kho vận', ['logistics']],
  ['cang bien', 'cảng biển', ['seaport']],
  ['khai thac cang', 'khai thác cảng', ['seaport']],
  ['hai quan', 'hải quan', ['customs']],
  ['xuat nhap khau', 'xuất nhập khẩu', ['trade']],
  ['dong tau', 'đóng tàu', ['shipbuilding']],
  ['an toan hang hai', 'an toàn hàng hải', ['maritime_safety']],
  ['luat hang hai', 'luật hàng hải', ['maritime_law']],
  ['moi truong bien', 'môi trường biển', ['marine_environment']],
  ['bien doi khi hau', 'biến đổi khí hậu', ['climate']],
  ['nang luong tai tao', 'năng lượng tái tạo', ['renewable']],
  ['dien gio ngoai khoi', 'điện gió ngoài khơi', ['renewable']],
  ['nuoi trong thuy san', 'nuôi trồng thủy sản', ['aquaculture']],
  ['nong nghiep huu co', 'nông nghiệp hữu cơ', ['organic_farming']],
  ['du lich ben vung', 'du lịch bền vững', ['tourism']],
  ['quy hoach do thi', 'quy hoạch đô thị', ['urban_planning']],
  ['tai chinh so', 'tài chính số', ['digital_finance']],
  ['tri tue nhan tao', 'trí tuệ nhân tạo', ['ai']],
  ['hoc may', 'học máy', ['ai']],
  ['internet van vat', 'internet vạn vật', ['iot']],
  ['tu dong hoa', 'tự động hóa', ['automation']],
  ['vat lieu moi', 'vật liệu mới', ['materials']],
  ['chuyen doi so', 'chuyển đổi số', ['digital_transformation']],
  ['di san van hoa', 'di sản văn hóa', ['heritage']],
  ['hang khong', 'hàng không', ['aviation']],
];

export const JUDGED_QUERIES: readonly JudgedQuery[] = [
  ...TOPIC_PHRASES.map(([plain, , ids]) => q('topic', plain, topic(...ids))),
  ...TOPIC_PHRASES.filter(([plain, marked]) => plain !== marked).map(([, marked, ids]) => q('topic_diacritics', marked, topic(...ids))),

  q('typo', 'logisitcs', topic('logistics')),
  q('typo', 'cang bein', topic('seaport')),
  q('typo', 'chuyen doi sô', topic('digital_transformation')),
  q('typo', 'nuoi trong thuy sna', topic('aquaculture')),
  q('typo', 'bien doi khi hua', topic('climate')),
  q('typo', 'tri tue nhan tạo', topic('ai')),

  q('english', 'maritime safety', topic('maritime_safety')),
  q('english', 'oncology', topic('oncology')),
  q('english', 'aquaculture', topic('aquaculture')),
  q('english', 'seaport', topic('seaport')),
  q('english', 'supply chain', topic('supply_chain')),
  q('english', 'renewable energy', topic('renewable')),
  q('english', 'artificial intelligence', topic('ai')),
  q('english', 'shipbuilding', topic('shipbuilding')),

  q(
    'degree_title',
    'PGS TS y hoc',
    qualified((t) => t.title === 'PGS' && doctor(t), 'oncology', 'cardiology', 'public_health'),
  ),
  q('degree_title', 'tien si logistics', qualified(doctor, 'logistics')),
  q(
    'degree_title',
    'giao su hang hai',
    qualified((t) => t.title === 'GS', 'maritime_safety', 'maritime_law'),
  ),
  q(
    'degree_title',
    'thac si du lich',
    qualified((t) => t.degree === 'ThS', 'tourism'),
  ),
  q(
    'degree_title',
    'PGS.TS cang bien',
    qualified((t) => t.title === 'PGS', 'seaport'),
  ),

  // Syllables that other words share once diacritics are gone (or even with them).
  q('shared_syllables', 'ung thu', topic('oncology')),
  q('shared_syllables', 'cung ung', topic('supply_chain')),
  q('shared_syllables', 'hai quan', topic('customs')),
  q('shared_syllables', 'thuy san', topic('aquaculture')),
  q('shared_syllables', 'hang khong', topic('aviation')),
  q('shared_syllables', 'hang hai', topic('maritime_safety', 'maritime_law')),
  q('shared_syllables', 'tau thuy', topic('shipbuilding')),

  // As an agency would phrase its need: more words than any profile has.
  q('agency_need', 'đánh giá tác động môi trường cảng biển', topic('eia')),
  q('agency_need', 'phản biện đề án logistics', topic('logistics')),
  q('agency_need', 'chuyen gia ung thu benh vien', topic('oncology')),
  q('agency_need', 'tư vấn quy hoạch đô thị thông minh', topic('urban_planning')),
  q('agency_need', 'giam dinh du an dien gio ngoai khoi', topic('renewable')),
  q('agency_need', 'chuyên gia nuôi trồng thủy sản ven biển', topic('aquaculture')),
];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** Full names picked from the data: typed with diacritics, without, and given name first ("hai nguyen van"). */
export function nameQueries(names: readonly string[]): JudgedQuery[] {
  const out: JudgedQuery[] = [];
  for (const name of names) {
    const folded = fold(name);
    // Typed without diacritics, "tran thanh hung" is Trần Thanh Hùng and Trần Thanh Hưng alike.
    const sameLetters = (t: Truth): Grade => (fold(t.fullName) === folded ? 2 : 0);
    const exact = (t: Truth): Grade => (t.fullName === name ? 2 : fold(t.fullName) === folded ? 1 : 0);
    const words = folded.split(' ');
    out.push({ ...q('name_diacritics', name, exact), strictTop1: true });
    out.push(q('name', words.join(' '), sameLetters));
    out.push(q('name_order', [words.at(-1)!, ...words.slice(0, -1)].join(' '), sameLetters));
  }
  return out;
}
