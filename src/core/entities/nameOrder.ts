/**
 * The order of a person's names: Chinese, Vietnamese and Korean names put the family name first (`Zhao Minghui`,
 * `Nguyen Thi Lan`), so that the short form after is the first word, and the given name is the last. Vietnamese
 * middle names `Thi` and `Van` tell a woman's and a man's name.
 */

/** Common family names of languages that write them first (Chinese in pinyin, Vietnamese, Korean). */
export const FAMILY_NAME_FIRST = new Set(
  `Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong
  Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lü Ding Ren Lu Yao Shen Zhong Jiang Cui Tan Fan Jin Wan Qian Xia Fu Fang Bai Zou Meng Xiong Qin Qiu Hou Jia
  Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Shin Oh Seo Kwon Hwang Ahn Song`.split(/\s+/u),
);

/** The given name of a full name: the first word, or the last for a family name written first (`Nguyen Thi Lan` → `Lan`). */
export function givenNameOf(fullName: string): string {
  const words = fullName.split(' ');
  return words.length >= 2 && words.length <= 3 && FAMILY_NAME_FIRST.has(words[0]) ? words[words.length - 1] : words[0];
}

/** A Vietnamese middle name's sex: `Thi` a woman's, `Van` (`Văn`) a man's; or undefined. */
export function sexOfMiddleName(fullName: string): 'female' | 'male' | undefined {
  const words = fullName.split(' ');
  if (words.length !== 3 || !FAMILY_NAME_FIRST.has(words[0])) return undefined;
  return words[1] === 'Thi' || words[1] === 'Thị' ? 'female' : words[1] === 'Van' || words[1] === 'Văn' ? 'male' : undefined;
}
