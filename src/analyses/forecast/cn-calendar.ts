/**
 * The Chinese shopping calendar marked on forecast charts (issue 16): 618 (June 18, JD's anniversary
 * sale), 双11 (November 11), 双12 (December 12) and 春节 (Spring Festival, the first day of the lunar
 * year; the table below, 2010–2035, from the Hong Kong Observatory's Gregorian–lunar calendar).
 */

/** Spring Festival (正月初一) by year. */
export const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

export type ShoppingEvent = '618' | 'double11' | 'double12' | 'spring_festival';

export interface CalendarMark {
  event: ShoppingEvent;
  /** YYYY-MM-DD */
  date: string;
}

/** Every shopping-calendar date from `from` to `to` (YYYY-MM-DD, inclusive), in date order. */
export function calendarMarks(from: string, to: string): CalendarMark[] {
  const out: CalendarMark[] = [];
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    const spring = SPRING_FESTIVAL[y];
    const dates: CalendarMark[] = [
      ...(spring ? [{ event: 'spring_festival' as const, date: spring }] : []),
      { event: '618', date: `${y}-06-18` },
      { event: 'double11', date: `${y}-11-11` },
      { event: 'double12', date: `${y}-12-12` },
    ];
    for (const m of dates) if (m.date >= from && m.date <= to) out.push(m);
  }
  return out;
}
