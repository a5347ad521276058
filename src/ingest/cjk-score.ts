/**
 * Byte-level evidence for telling GB18030/GBK from Big5. GB18030 decodes almost any byte string
 * without error, so "no replacement characters" proves little; what differs is where the characters
 * fall. Chinese text in GBK sits almost entirely in GB2312 (hanzi rows B0–F7 with trail bytes ≥ A1,
 * punctuation rows A1–A9), while Big5's frequent characters sit in A440–C67E and half their trail
 * bytes are 40–7E, which GB2312 never uses. Each decoding's share of "common" pairs and its count of
 * invalid sequences decide.
 */
export interface CjkScore {
  /** Non-ASCII sequences seen (the larger count of the two walks, valid or not). */
  sequences: number;
  gbInvalid: number;
  big5Invalid: number;
  /** Share (0..1) of pairs in the encoding's common-character region. */
  gbCommon: number;
  big5Common: number;
}

function walkGb(b: Uint8Array): { pairs: number; invalid: number; common: number } {
  let pairs = 0;
  let invalid = 0;
  let common = 0;
  for (let i = 0; i < b.length;) {
    const lead = b[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (i + 1 >= b.length) break; // cut by the sample
    const t = b[i + 1]!;
    if (lead === 0x80 || lead === 0xff) {
      invalid++;
      i++;
    } else if (t >= 0x30 && t <= 0x39) {
      // Four-byte GB18030: rare characters outside GBK.
      if (i + 3 >= b.length) break;
      const t3 = b[i + 2]!;
      const t4 = b[i + 3]!;
      if (t3 >= 0x81 && t3 <= 0xfe && t4 >= 0x30 && t4 <= 0x39) {
        pairs++;
        i += 4;
      } else {
        invalid++;
        i++;
      }
    } else if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
      pairs++;
      if (t >= 0xa1 && ((lead >= 0xb0 && lead <= 0xf7) || (lead >= 0xa1 && lead <= 0xa9))) common++;
      i += 2;
    } else {
      invalid++;
      i++;
    }
  }
  return { pairs, invalid, common };
}

function walkBig5(b: Uint8Array): { pairs: number; invalid: number; common: number } {
  let pairs = 0;
  let invalid = 0;
  let common = 0;
  for (let i = 0; i < b.length;) {
    const lead = b[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (i + 1 >= b.length) break;
    const t = b[i + 1]!;
    if (lead >= 0x81 && lead <= 0xfe && ((t >= 0x40 && t <= 0x7e) || (t >= 0xa1 && t <= 0xfe))) {
      pairs++;
      if (lead >= 0xa1 && lead <= 0xc6) common++;
      i += 2;
    } else {
      invalid++;
      i++;
    }
  }
  return { pairs, invalid, common };
}

export function scoreLegacyCjk(sample: Uint8Array): CjkScore {
  const gb = walkGb(sample);
  const big5 = walkBig5(sample);
  return {
    sequences: Math.max(gb.pairs + gb.invalid, big5.pairs + big5.invalid),
    gbInvalid: gb.invalid,
    big5Invalid: big5.invalid,
    gbCommon: gb.pairs ? gb.common / gb.pairs : 0,
    big5Common: big5.pairs ? big5.common / big5.pairs : 0,
  };
}
