/**
 * Words Vietnamese users put in passwords, written without diacritics as typed on a keyboard:
 * common family and given names, places, and phrases. zxcvbn-ts ranks them like dictionary words.
 */
export const vietnamesePasswordWords = [
  // Phrases and this platform's own words first: the most likely guesses.
  `matkhau matma haiphong vietnam hanoi saigon hochiminh danang anhyeuem emyeuanh yeuem yeuanh toiyeuem iloveyou
   xinchao tambiet trithuc chuyengia mangluoi khoahoc kythuat tiensi thacsi giaosu phogiaosu kysu bacsi daihoc
   hpen admin quantri canbo hoivien dangnhap taikhoan conga concho hoadao hoasen tet chucmung namoi bongda`,
  // Family names.
  `nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh truong lam mai cao luong ta
   doan vuong trieu quach luu ha thai`,
  // Middle and given names.
  `van thi huu duc minh quang ngoc thanh xuan thu anh linh lan huong hung dung hoa trang hanh tuan nam hai long
   phuong hien hang thao nga yen ha hieu khanh khoa kien loan my nhung oanh quan quynh son tam thang thuy tien
   trung tu uyen viet vinh binh chi cuong dat diep giang hau hoai huyen lien loc luan manh nhan nhi phat phong
   phuc quoc sang tai thien thinh toan tri tuyet vy bao an bich cham dao hoan kim ngan nhu tho truc`,
]
  .join(' ')
  .split(/\s+/)
  .filter(Boolean);
